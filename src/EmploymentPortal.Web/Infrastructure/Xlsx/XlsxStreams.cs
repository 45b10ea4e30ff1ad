using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Web.Infrastructure.Xlsx;

/// <summary>
/// Streaming xlsx writing with the Open XML SDK's <see cref="OpenXmlWriter"/> (SAX style): rows go
/// straight to the package part, so a 100,000-row export or error report never builds a DOM.
/// Text is written as inline strings (no shared-string table to hold in memory).
/// </summary>
public sealed class XlsxWorkbookWriter : IDisposable
{
    /// <summary>Style indexes of the minimal stylesheet below.</summary>
    public const uint PlainStyle = 0;
    public const uint HeaderStyle = 1;
    public const uint TextStyle = 2;

    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly List<(string Name, string RelationshipId)> _sheets = [];

    private XlsxWorkbookWriter(Stream stream)
    {
        _document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        _workbook = _document.AddWorkbookPart();
        var styles = _workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },

                // Number format 49 is "@" (text): what a user types into the template's ID or
                // phone column stays text instead of becoming 3.40102E+17.
                new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true })
            { Count = 3 });
    }

    public static XlsxWorkbookWriter Create(Stream stream) => new(stream);

    /// <summary>Starts a sheet; dispose the returned writer before starting the next one.</summary>
    /// <param name="name">Sheet name (at most 31 characters).</param>
    /// <param name="widths">Column widths in characters; the columns default to the text format.</param>
    /// <param name="size">Rows and columns the sheet will hold, when known: written as its dimension, which lets a reader size the sheet without reading it.</param>
    public XlsxSheetWriter AddSheet(string name, IReadOnlyList<double> widths, (int Rows, int Columns)? size = null)
    {
        var part = _workbook.AddNewPart<WorksheetPart>();
        _sheets.Add((name, _workbook.GetIdOfPart(part)));
        return new XlsxSheetWriter(part, widths, size);
    }

    public void Dispose()
    {
        var sheets = new Sheets();
        uint id = 1;
        foreach (var (name, relationshipId) in _sheets)
        {
            sheets.Append(new Sheet { Name = name, SheetId = id++, Id = relationshipId });
        }

        _workbook.Workbook = new Workbook(sheets);
        _workbook.Workbook.Save();
        _document.Dispose();
    }
}

/// <summary>One worksheet being written, row by row.</summary>
public sealed class XlsxSheetWriter : IDisposable
{
    private readonly OpenXmlWriter _writer;

    internal XlsxSheetWriter(WorksheetPart part, IReadOnlyList<double> widths, (int Rows, int Columns)? size)
    {
        _writer = OpenXmlWriter.Create(part);
        _writer.WriteStartElement(new Worksheet());
        if (size is { Rows: > 0, Columns: > 0 } known)
        {
            _writer.WriteElement(new SheetDimension { Reference = "A1:" + XlsxColumns.Reference(known.Columns - 1, known.Rows) });
        }

        if (widths.Count > 0)
        {
            _writer.WriteStartElement(new Columns());
            for (var i = 0; i < widths.Count; i++)
            {
                var column = (uint)(i + 1);
                _writer.WriteElement(new Column { Min = column, Max = column, Width = widths[i], CustomWidth = true, Style = XlsxWorkbookWriter.TextStyle });
            }

            _writer.WriteEndElement();
        }

        _writer.WriteStartElement(new SheetData());
    }

    /// <summary>The number of rows written so far.</summary>
    public int RowCount { get; private set; }

    public void WriteRow(IReadOnlyList<string?> cells, uint style = XlsxWorkbookWriter.TextStyle)
    {
        RowCount++;
        _writer.WriteStartElement(new Row { RowIndex = (uint)RowCount });
        for (var i = 0; i < cells.Count; i++)
        {
            var text = cells[i];
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            _writer.WriteElement(new Cell
            {
                CellReference = XlsxColumns.Reference(i, RowCount),
                DataType = CellValues.InlineString,
                StyleIndex = style,
                InlineString = new InlineString(new Text(XlsxColumns.Sanitize(text))),
            });
        }

        _writer.WriteEndElement();
    }

    /// <summary>
    /// A row of typed values: numbers (<see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>,
    /// and <see cref="Money"/> in yuan) as number cells an officer can sum, everything else as text
    /// (<see cref="object.ToString"/>, invariant where the value is formattable); null is an empty cell.
    /// </summary>
    public void WriteRow(IReadOnlyList<object?> values, uint style = XlsxWorkbookWriter.PlainStyle)
    {
        RowCount++;
        _writer.WriteStartElement(new Row { RowIndex = (uint)RowCount });
        for (var i = 0; i < values.Count; i++)
        {
            decimal? number = values[i] switch
            {
                int n => n,
                long n => n,
                decimal n => n,
                Money m => m.ToYuan(),
                _ => null,
            };
            var reference = XlsxColumns.Reference(i, RowCount);
            if (number is { } value)
            {
                _writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.Number, StyleIndex = style, CellValue = new CellValue(value) });
                continue;
            }

            // Every value has its cell, an empty one included, so a row reads back column by column.
            var text = values[i] switch
            {
                null => string.Empty,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? string.Empty,
            };
            _writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style, InlineString = new InlineString(new Text(XlsxColumns.Sanitize(text)) { Space = SpaceProcessingModeValues.Preserve }) });
        }

        _writer.WriteEndElement();
    }

    public void Dispose()
    {
        _writer.WriteEndElement(); // SheetData
        _writer.WriteEndElement(); // Worksheet
        _writer.Close();
        _writer.Dispose();
    }
}

/// <summary>
/// Streaming reading of the first worksheet with <see cref="OpenXmlReader"/>: one row at a time,
/// shared strings resolved, cells placed by their reference (a row may skip empty cells).
/// </summary>
public sealed class XlsxSheetReader : IDisposable
{
    private const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly string[] _sharedStrings;

    private XlsxSheetReader(SpreadsheetDocument document, WorksheetPart sheet, string[] sharedStrings)
    {
        _document = document;
        _sheet = sheet;
        _sharedStrings = sharedStrings;
    }

    /// <summary>
    /// The most an uploaded workbook may expand to: 512 MB (a 100,000-row ledger is about 10 MB
    /// zipped and well under 200 MB unzipped), and the most parts it may hold (Excel writes a dozen).
    /// A zip bomb (a few megabytes that expand to gigabytes) is refused before anything is expanded.
    /// </summary>
    public const long MaxUncompressedBytes = 512L * 1024 * 1024;

    /// <inheritdoc cref="MaxUncompressedBytes"/>
    public const int MaxEntries = 1_000;

    /// <exception cref="InvalidDataException">The stream is not an xlsx workbook with a worksheet, or it would expand beyond the limits.</exception>
    public static XlsxSheetReader Open(Stream stream)
    {
        CheckPackageSize(stream);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or ArgumentException)
        {
            throw new InvalidDataException("文件不是有效的 Excel 工作簿（.xlsx）。", e);
        }

        var workbook = document.WorkbookPart;
        var first = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbook is null || first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheet)
        {
            document.Dispose();
            throw new InvalidDataException("工作簿中没有工作表。");
        }

        var shared = new List<string>();
        if (workbook.SharedStringTablePart is { } sharedPart)
        {
            // Element by element, never LoadCurrentElement: it moves the reader past the next
            // sibling's start, which a following Read() would skip.
            using var reader = OpenXmlReader.Create(sharedPart);
            var text = new StringBuilder();
            var phonetic = 0;
            while (reader.Read())
            {
                if (reader.ElementType == typeof(SharedStringItem))
                {
                    if (reader.IsStartElement)
                    {
                        text.Clear();
                    }
                    else
                    {
                        shared.Add(text.ToString());
                    }
                }
                else if (reader.ElementType == typeof(PhoneticRun))
                {
                    phonetic += reader.IsStartElement ? 1 : -1;
                }
                else if (reader.ElementType == typeof(Text) && reader.IsStartElement && phonetic == 0)
                {
                    text.Append(reader.GetText());
                }
            }
        }

        return new XlsxSheetReader(document, sheet, shared.ToArray());
    }

    /// <summary>
    /// Reads the zip's central directory only: the number of parts and the sizes they declare.
    /// The declared size is also the most a part's stream yields when read
    /// (<see cref="System.IO.Compression.ZipArchiveEntry"/> stops there), so the sum bounds the
    /// expansion.
    /// </summary>
    private static void CheckPackageSize(Stream stream)
    {
        var start = stream.Position;
        System.IO.Compression.ZipArchive zip;
        try
        {
            zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException("文件不是有效的 Excel 工作簿（.xlsx）。", e);
        }

        using (zip)
        {
            var entries = zip.Entries;
            if (entries.Count > MaxEntries)
            {
                throw new InvalidDataException($"文件不是有效的台账：压缩包内的文件数（{entries.Count:N0}）超过 {MaxEntries:N0} 个的上限。");
            }

            long total = 0;
            foreach (var entry in entries)
            {
                total += entry.Length;
                if (total > MaxUncompressedBytes)
                {
                    throw new InvalidDataException($"文件解压后超过 {MaxUncompressedBytes / 1024 / 1024} MB 的上限，不是正常的台账文件，请检查后重新上传。");
                }
            }
        }

        stream.Position = start;
    }

    /// <summary>
    /// The number of rows (a first, cheap pass for the progress bar and the row limit): the last
    /// row of the sheet's <c>dimension</c> when it gives a range (Excel and WPS always write
    /// one), otherwise the row elements counted with a plain <see cref="XmlReader"/>, several
    /// times faster than <see cref="OpenXmlReader"/>, which builds an object per element.
    /// </summary>
    public int CountRows()
    {
        using var stream = _sheet.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { IgnoreWhitespace = true, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != SpreadsheetNamespace)
            {
                continue;
            }

            if (reader.LocalName == "dimension" && reader.GetAttribute("ref") is { } range && range.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                var letters = colon + 1;
                while (letters < range.Length && char.IsAsciiLetter(range[letters]))
                {
                    letters++;
                }

                if (int.TryParse(range.AsSpan(letters), NumberStyles.Integer, CultureInfo.InvariantCulture, out var lastRow) && lastRow > 1)
                {
                    return lastRow;
                }
            }
            else if (reader.LocalName == "sheetData")
            {
                break;
            }
        }

        var count = 0;
        while (reader.ReadToFollowing("row", SpreadsheetNamespace))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Rows in order: the spreadsheet row number (1-based) and the cell texts by column index.
    /// The sheet part is read with a plain <see cref="XmlReader"/> (the package, the workbook and
    /// the shared strings go through the Open XML SDK): <see cref="OpenXmlReader"/> builds an
    /// element object for every row, cell and value and took 2.3-3.0 s of CPU for 100,000 rows
    /// here, the largest cost of the import (docs/benchmarks.md).
    /// </summary>
    public IEnumerable<(int RowNumber, string?[] Cells)> ReadRows()
    {
        using var stream = _sheet.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { IgnoreComments = true, IgnoreProcessingInstructions = true, DtdProcessing = DtdProcessing.Prohibit });
        var rowNumber = 0;
        var cells = new List<string?>();
        var value = new StringBuilder();
        while (reader.ReadToFollowing("row", SpreadsheetNamespace))
        {
            cells.Clear();
            rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
            if (reader.IsEmptyElement)
            {
                yield return (rowNumber, []);
                continue;
            }

            var rowDepth = reader.Depth;
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == rowDepth))
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
                {
                    continue;
                }

                var type = reader.GetAttribute("t");
                var column = reader.GetAttribute("r") is { } reference ? XlsxColumns.IndexOf(reference) : cells.Count;
                value.Clear();
                if (!reader.IsEmptyElement)
                {
                    var cellDepth = reader.Depth;
                    var phonetic = 0;
                    var inText = false;
                    while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == cellDepth))
                    {
                        if (reader.NodeType is XmlNodeType.Element or XmlNodeType.EndElement)
                        {
                            var opens = reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement;
                            if (reader.LocalName == "rPh")
                            {
                                phonetic += opens ? 1 : reader.NodeType == XmlNodeType.EndElement ? -1 : 0;
                            }
                            else if (reader.LocalName is "v" or "t")
                            {
                                inText = opens;
                            }
                        }
                        else if (inText && phonetic == 0 && reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
                        {
                            value.Append(reader.Value);
                        }
                    }
                }

                while (cells.Count <= column)
                {
                    cells.Add(null);
                }

                cells[column] = Resolve(type, value.ToString());
            }

            yield return (rowNumber, cells.ToArray());
        }
    }

    public void Dispose() => _document.Dispose();

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    private string? Resolve(string? type, string raw) => type switch
    {
        "s" => int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < _sharedStrings.Length
            ? _sharedStrings[index]
            : null,
        "b" => raw == "1" ? "是" : "否",
        _ => raw.Length == 0 ? null : raw,
    };
}

/// <summary>A1-style references.</summary>
public static class XlsxColumns
{
    public static string Reference(int columnIndex, int rowNumber) => Letters(columnIndex) + rowNumber.ToString(CultureInfo.InvariantCulture);

    public static string Letters(int columnIndex)
    {
        var letters = string.Empty;
        var n = columnIndex + 1;
        while (n > 0)
        {
            var rem = (n - 1) % 26;
            letters = (char)('A' + rem) + letters;
            n = (n - 1) / 26;
        }

        return letters;
    }

    /// <summary>The 0-based column of a reference such as "AB12".</summary>
    public static int IndexOf(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = (index * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                index = (index * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }

        return Math.Max(index - 1, 0);
    }

    /// <summary>Removes characters XML 1.0 cannot hold (control characters other than tab and line breaks).</summary>
    public static string Sanitize(string text)
    {
        foreach (var c in text)
        {
            if (c < 0x20 && c is not ('\t' or '\n' or '\r'))
            {
                return new string(text.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r').ToArray());
            }
        }

        return text;
    }
}
