using EmploymentPortal.Web.Infrastructure.Xlsx;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EmploymentPortal.Web.Features.Residents.Ledger;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>
/// The reader on a workbook shaped like one Excel saves (shared strings, rich text, empty styled
/// cells, rows without cells, numbers, booleans), not only like the portal's own writer.
/// </summary>
public sealed class XlsxSheetReaderTests
{
    [Fact]
    public void Reads_shared_and_rich_strings_numbers_and_skipped_cells_in_place()
    {
        using var file = ExcelLikeWorkbook();

        using var reader = XlsxSheetReader.Open(file);
        var rows = reader.ReadRows().ToList();

        Assert.Equal(new[] { 1, 2, 3, 5 }, rows.Select(r => r.RowNumber));
        Assert.Equal(new[] { "姓名", "身份证号", null, "手机号" }, rows[0].Cells.AsEnumerable());
        Assert.Equal("张三", rows[1].Cells[0]);
        Assert.Equal("11010119900307451X", rows[1].Cells[1]);
        Assert.Null(rows[1].Cells[2]);
        Assert.Equal("13812345678", rows[1].Cells[3]);
        Assert.Empty(rows[2].Cells);
        Assert.Equal("是", rows[3].Cells[1]);
        Assert.Equal("45474", rows[3].Cells[2]);
        Assert.Equal(4, reader.CountRows());
    }

    [Fact]
    public void Row_count_comes_from_the_dimension_when_the_sheet_has_one()
    {
        using var stream = new MemoryStream();
        using (var book = XlsxWorkbookWriter.Create(stream))
        using (var sheet = book.AddSheet("Sheet1", [], (Rows: 3, Columns: 2)))
        {
            sheet.WriteRow(["a", "b"]);
            sheet.WriteRow(["c", "d"]);
            sheet.WriteRow(["e", "f"]);
        }

        stream.Position = 0;
        using var reader = XlsxSheetReader.Open(stream);

        Assert.Equal(3, reader.CountRows());
        Assert.Equal(3, reader.ReadRows().Count());
    }

    [Fact]
    public void Indentation_between_elements_is_not_read_as_cell_text_but_preserved_spaces_are()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
              <sheetData>
                <row r="1">
                  <c r="A1" t="inlineStr">
                    <is>
                      <t xml:space="preserve"> 张 三 </t>
                    </is>
                  </c>
                  <c r="B1">
                    <v>42</v>
                  </c>
                </row>
              </sheetData>
            </worksheet>
            """;
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var part = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml.Trim())))
            {
                sheet.FeedData(part);
            }

            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }

        stream.Position = 0;
        using var reader = XlsxSheetReader.Open(stream);

        var row = Assert.Single(reader.ReadRows());
        Assert.Equal(" 张 三 ", row.Cells[0]);
        Assert.Equal("42", row.Cells[1]);
    }

    [Fact]
    public void A_stream_that_is_no_workbook_is_refused_in_chinese()
    {
        using var stream = new MemoryStream("PK not really"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => XlsxSheetReader.Open(stream));

        Assert.Contains("不是有效的 Excel 工作簿", error.Message, StringComparison.Ordinal);
    }

    private static MemoryStream ExcelLikeWorkbook()
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("姓名")),
                new SharedStringItem(new Text("身份证号")),
                new SharedStringItem(new Run(new Text("手机")), new Run(new Text("号")), new PhoneticRun(new Text("ショウ")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }),
                new SharedStringItem(new Text("张三")));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(
                new Row(
                    new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                    new Cell { CellReference = "B1", DataType = CellValues.SharedString, CellValue = new CellValue("1") },
                    new Cell { CellReference = "C1", StyleIndex = 1 },
                    new Cell { CellReference = "D1", DataType = CellValues.SharedString, CellValue = new CellValue("2") }) { RowIndex = 1 },
                new Row(
                    new Cell { CellReference = "A2", DataType = CellValues.SharedString, CellValue = new CellValue("3") },
                    new Cell { CellReference = "B2", DataType = CellValues.String, CellValue = new CellValue("11010119900307451X") },
                    new Cell { CellReference = "D2", CellValue = new CellValue("13812345678") }) { RowIndex = 2 },
                new Row { RowIndex = 3 },
                new Row(
                    new Cell { CellReference = "B5", DataType = CellValues.Boolean, CellValue = new CellValue("1") },
                    new Cell { CellReference = "C5", StyleIndex = 2, CellValue = new CellValue("45474") }) { RowIndex = 5 }));
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }

        stream.Position = 0;
        return stream;
    }
}
