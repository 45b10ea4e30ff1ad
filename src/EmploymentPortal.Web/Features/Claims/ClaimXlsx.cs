using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>A minimal xlsx writer (one sheet, a header row, text and number cells) for finance and reports.</summary>
public static class ClaimXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(header.Cast<object?>().ToList()));
            foreach (var row in rows)
            {
                data.Append(Row(row));
            }

            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>One sheet of <see cref="WriteSheets"/>.</summary>
    public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows);

    /// <summary>Several sheets, in order, each with a header row (the circle dashboard's export).</summary>
    public static byte[] WriteSheets(IReadOnlyList<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var list = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(sheet.Header.Cast<object?>().ToList()));
                foreach (var row in sheet.Rows)
                {
                    data.Append(Row(row));
                }

                sheetPart.Worksheet = new Worksheet(data);
                list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = id++, Name = sheet.Name });
            }

            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Reads the named sheet back as text rows (tests).</summary>
    public static List<List<string>> Read(byte[] xlsx, string sheetName)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First(s => s.Name == sheetName);
        var sheetPart = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return sheetPart.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue?.Text ?? string.Empty).ToList())
            .ToList();
    }

    /// <summary>Reads the first sheet back as text rows (tests and the lead's checks).</summary>
    public static List<List<string>> Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheetPart = document.WorkbookPart!.WorksheetParts.First();
        return sheetPart.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue?.Text ?? string.Empty).ToList())
            .ToList();
    }

    private static Row Row(IReadOnlyList<object?> values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.Append(value switch
            {
                null => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(string.Empty)) },
                decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
                long l => new Cell { DataType = CellValues.Number, CellValue = new CellValue((decimal)l) },
                int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString() ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }

        return row;
    }
}
