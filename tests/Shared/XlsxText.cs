using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EmploymentPortal.Testing;

/// <summary>Reads an xlsx the portal wrote back as rows of text, for assertions.</summary>
public static class XlsxText
{
    /// <summary>The rows of the named sheet.</summary>
    public static List<List<string>> Read(byte[] xlsx, string sheetName)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().First(s => s.Name == sheetName);
        return Rows((WorksheetPart)workbook.GetPartById(sheet.Id!));
    }

    /// <summary>The rows of the first sheet.</summary>
    public static List<List<string>> Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var first = workbook.Workbook.Descendants<Sheet>().First();
        return Rows((WorksheetPart)workbook.GetPartById(first.Id!));
    }

    private static List<List<string>> Rows(WorksheetPart part) =>
        part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue?.Text ?? string.Empty).ToList())
            .ToList();
}
