using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SalesSpec.Formats.Spreadsheets;

/// <summary>
/// Writes an Excel workbook row by row, in constant memory: each sheet goes straight into its own zip entry
/// through the Open XML SDK's SAX writer, with inline strings (no shared-string table to hold) and a fixed set
/// of styles. A million-row sheet costs what a thousand-row one does, apart from the file itself.
/// Sheets are written one after the other and cannot be reopened; rows and cells go in increasing order.
/// Every text cell is neutralised against formula injection, as in the CSV files.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    /// <summary>A worksheet holds 1,048,576 rows.</summary>
    public const int MaxRows = 1_048_576;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // The number formats cells may use; a cell's style index is its format's place here, after the three fixed styles.
    private static readonly string[] Formats = ["0%", "0.0%", "0", "0.0", "0.#", "0.##", "0.####", "#,##0", "#,##0.#", "#,##0.##", "#,##0.00"];
    private const int FirstFormatStyle = 3;
    private const uint FirstCustomFormatId = 164;

    private readonly ZipArchive _zip;
    private readonly List<(string Name, int Tab)> _sheets = [];
    private SheetWriter? _open;
    private bool _finished;

    /// <summary>The output must take synchronous writes (a file, not a response body); it stays open.</summary>
    public XlsxWriter(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Utf8);
    }

    /// <summary>
    /// A workbook is a zip archive, written with synchronous calls that a response body refuses: <paramref name="write"/>
    /// writes it to a temporary file (deleted on close), which is then copied to <paramref name="output"/>, so memory
    /// holds neither the workbook nor its rows.
    /// </summary>
    public static async Task SpoolAsync(Stream output, Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        var path = Path.Combine(Path.GetTempPath(), $"salesspec-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await write(file);
        file.Position = 0;
        await file.CopyToAsync(output, cancellationToken);
    }

    /// <summary>
    /// Starts the next sheet; the one before it is closed. Column widths are in characters. The tab position
    /// (default: in writing order) lets a summary written last come first, once what it summarises is known.
    /// </summary>
    public SheetWriter AddSheet(string name, IReadOnlyList<double>? widths = null, bool freezeHeader = false, int? tab = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ObjectDisposedException.ThrowIf(_finished, this);
        _open?.Close();
        _sheets.Add((name, tab ?? _sheets.Count));
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Fastest);
        _open = new SheetWriter(entry.Open(), widths ?? [], freezeHeader);
        return _open;
    }

    /// <summary>Closes the last sheet and writes the workbook's parts; the archive is complete after this.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }
        _open?.Close();
        _open = null;
        Part("[Content_Types].xml", ContentTypes());
        Part("_rels/.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" +
            "</Relationships>");
        Part("xl/workbook.xml", Workbook());
        Part("xl/_rels/workbook.xml.rels", WorkbookRelationships());
        Part("xl/styles.xml", Styles());
        _finished = true;
        _zip.Dispose();
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _open?.Close();
            _finished = true;
            _zip.Dispose();
        }
    }

    /// <summary>The style index of a number format; an unknown format is a bug in the caller.</summary>
    internal static uint StyleOf(string format)
    {
        var index = Array.IndexOf(Formats, format);
        return index < 0
            ? throw new ArgumentException($"Number format '{format}' is not one of the workbook's formats: {string.Join(", ", Formats)}.", nameof(format))
            : (uint)(FirstFormatStyle + index);
    }

    private void Part(string path, string xml)
    {
        using var stream = _zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, Utf8);
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        writer.Write(xml);
    }

    private string ContentTypes()
    {
        var text = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        text.Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
        text.Append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        text.Append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        text.Append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (var i = 1; i <= _sheets.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return text.Append("</Types>").ToString();
    }

    private string Workbook()
    {
        var text = new StringBuilder("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        foreach (var (sheet, index) in _sheets.Select((sheet, index) => (sheet, index)).OrderBy(s => s.sheet.Tab))
        {
            text.Append(CultureInfo.InvariantCulture, $"<sheet name=\"{Escape(SheetName(sheet.Name))}\" sheetId=\"{index + 1}\" r:id=\"rId{index + 1}\"/>");
        }
        return text.Append("</sheets></workbook>").ToString();
    }

    private string WorkbookRelationships()
    {
        var text = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (var i = 1; i <= _sheets.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
        }
        text.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{_sheets.Count + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        return text.Append("</Relationships>").ToString();
    }

    // Style 0: plain; 1: header (bold on a light fill); 2: title (bold, 14 pt); 3…: one per number format.
    private static string Styles()
    {
        var text = new StringBuilder("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        text.Append(CultureInfo.InvariantCulture, $"<numFmts count=\"{Formats.Length}\">");
        for (var i = 0; i < Formats.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<numFmt numFmtId=\"{FirstCustomFormatId + i}\" formatCode=\"{Escape(Formats[i])}\"/>");
        }
        text.Append("</numFmts>");
        text.Append("<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"14\"/><name val=\"Calibri\"/></font></fonts>");
        text.Append("<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>");
        text.Append("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE8EAF6\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>");
        text.Append("<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>");
        text.Append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        text.Append(CultureInfo.InvariantCulture, $"<cellXfs count=\"{FirstFormatStyle + Formats.Length}\">");
        text.Append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        text.Append("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>");
        text.Append("<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>");
        for (var i = 0; i < Formats.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<xf numFmtId=\"{FirstCustomFormatId + i}\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>");
        }
        text.Append("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
        return text.ToString();
    }

    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray()).Trim();
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);

    /// <summary>One sheet being written: rows in increasing order, each with cells in increasing columns.</summary>
    public sealed class SheetWriter
    {
        public const uint HeaderStyle = 1;
        public const uint TitleStyle = 2;

        private readonly Stream _stream;
        private readonly OpenXmlWriter _writer;
        private int _row;
        private int _column;
        private bool _inRow;
        private bool _closed;

        internal SheetWriter(Stream stream, IReadOnlyList<double> widths, bool freezeHeader)
        {
            _stream = stream;
            _writer = OpenXmlWriter.Create(stream, Utf8);
            _writer.WriteStartDocument(true);
            _writer.WriteStartElement(new Worksheet());
            if (freezeHeader)
            {
                _writer.WriteElement(new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0U }));
            }
            if (widths.Count > 0)
            {
                var columns = new Columns();
                for (var i = 0; i < widths.Count; i++)
                {
                    columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
                }
                _writer.WriteElement(columns);
            }
            _writer.WriteStartElement(new SheetData());
        }

        /// <summary>The last row started (1-based); 0 before the first.</summary>
        public int RowNumber => _row;

        /// <summary>Starts row <paramref name="number"/> (after the last one; gaps stay empty).</summary>
        public SheetWriter Row(int number)
        {
            if (number <= _row || number > MaxRows)
            {
                throw new ArgumentOutOfRangeException(nameof(number), number, $"Rows go in increasing order up to {MaxRows}; the last was {_row}.");
            }
            EndRow();
            _row = number;
            _column = 0;
            _writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", number.ToString(CultureInfo.InvariantCulture))]);
            _inRow = true;
            return this;
        }

        /// <summary>Starts the row after the last one.</summary>
        public SheetWriter NextRow() => Row(_row + 1);

        /// <summary>A text cell in the next column (or <paramref name="column"/>, 1-based), neutralised against formulas.</summary>
        public SheetWriter Text(string? text, int? column = null, uint style = 0)
        {
            var reference = Reference(column);
            _writer.WriteElement(new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(SpreadsheetText.Neutralise(text ?? ""))) { Space = SpaceProcessingModeValues.Preserve }))
            {
                CellReference = reference,
                DataType = CellValues.InlineString,
                StyleIndex = style == 0 ? null : (UInt32Value)style,
            });
            return this;
        }

        /// <summary>Header cells: bold on a light fill.</summary>
        public SheetWriter Header(params string[] names)
        {
            foreach (var name in names)
            {
                Text(name, style: HeaderStyle);
            }
            return this;
        }

        /// <summary>A number in the next column (or <paramref name="column"/>); nothing is written for null, the column is kept.</summary>
        public SheetWriter Number(decimal? value, string format, int? column = null)
        {
            var reference = Reference(column);
            if (value is { } number)
            {
                _writer.WriteElement(new Cell(new CellValue(number.ToString("G29", CultureInfo.InvariantCulture)))
                {
                    CellReference = reference,
                    StyleIndex = StyleOf(format),
                });
            }
            return this;
        }

        internal void Close()
        {
            if (_closed)
            {
                return;
            }
            EndRow();
            _writer.WriteEndElement(); // sheetData
            _writer.WriteEndElement(); // worksheet
            _writer.Close();
            _stream.Dispose();
            _closed = true;
        }

        private void EndRow()
        {
            if (_inRow)
            {
                _writer.WriteEndElement();
                _inRow = false;
            }
        }

        private string Reference(int? column)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            if (!_inRow)
            {
                throw new InvalidOperationException("Start a row before writing cells.");
            }
            var next = column ?? _column + 1;
            if (next <= _column)
            {
                throw new ArgumentOutOfRangeException(nameof(column), column, $"Cells go in increasing columns; the last was {_column}.");
            }
            _column = next;
            return ColumnName(next) + _row.ToString(CultureInfo.InvariantCulture);
        }

        private static string ColumnName(int column)
        {
            var name = "";
            for (var n = column; n > 0; n = (n - 1) / 26)
            {
                name = (char)('A' + ((n - 1) % 26)) + name;
            }
            return name;
        }

        // XML 1.0 cannot carry most control characters; a file that Excel refuses to open helps nobody.
        private static string Clean(string text) =>
            text.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r')
                ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray())
                : text;
    }
}
