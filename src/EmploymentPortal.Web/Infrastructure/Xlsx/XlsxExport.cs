namespace EmploymentPortal.Web.Infrastructure.Xlsx;

/// <summary>
/// Small xlsx exports for finance, reports and dashboards: a bold header row, then typed rows
/// (numbers as number cells), one sheet or several. Written through the same streaming
/// <see cref="XlsxWorkbookWriter"/> as the ledger's large files, the portal's one xlsx writer.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One sheet of <see cref="Write(IReadOnlyList{Sheet})"/>; <paramref name="Preamble"/>: lines written above the header row (a report's title, period and scope).</summary>
    public sealed record Sheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows, IReadOnlyList<IReadOnlyList<object?>>? Preamble = null);

    /// <summary>One sheet with a header row.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        Write([new Sheet(sheetName, header, rows)]);

    /// <summary>Several sheets, in order, each with a header row (the circle dashboard's export).</summary>
    public static byte[] Write(IReadOnlyList<Sheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var stream = new MemoryStream();
        using (var workbook = XlsxWorkbookWriter.Create(stream))
        {
            foreach (var sheet in sheets)
            {
                using var writer = workbook.AddSheet(sheet.Name, []);
                foreach (var line in sheet.Preamble ?? [])
                {
                    writer.WriteRow(line);
                }

                writer.WriteRow([.. sheet.Header.Cast<object?>()], XlsxWorkbookWriter.HeaderStyle);
                foreach (var row in sheet.Rows)
                {
                    writer.WriteRow(row);
                }
            }
        }

        return stream.ToArray();
    }
}
