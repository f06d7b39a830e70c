using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SalesSpec.Web.Tests.Support;

/// <summary>
/// Reads back an exported workbook with the Open XML SDK, as Excel would find it: sheet names in tab order, and
/// each sheet's cells by (row, column) with their text and whether they are numbers. Opening also proves the
/// package is well formed (content types, relationships, styles).
/// </summary>
public sealed class WorkbookReader
{
    private readonly Dictionary<string, Dictionary<(int Row, int Column), WorkbookCell>> _sheets = [];

    public IReadOnlyList<string> SheetNames { get; }

    public WorkbookReader(Stream xlsx)
    {
        using var copy = new MemoryStream();
        xlsx.CopyTo(copy);
        copy.Position = 0;
        using var document = SpreadsheetDocument.Open(copy, isEditable: false);
        // The SDK's schema validator: what it accepts, Excel opens without a repair prompt.
        var problems = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        problems.ShouldBeEmpty();
        var workbook = document.WorkbookPart!;
        workbook.WorkbookStylesPart.ShouldNotBeNull();
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var names = new List<string>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            names.Add(sheet.Name!);
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var cells = new Dictionary<(int, int), WorkbookCell>();
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var (row, column) = Position(cell.CellReference!);
                var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
                    : cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                    : cell.CellValue?.Text ?? "";
                var isNumber = cell.DataType is null && cell.CellValue is not null;
                cells[(row, column)] = new WorkbookCell(text, isNumber, cell.CellFormula is not null);
            }
            _sheets[sheet.Name!] = cells;
        }
        SheetNames = names;
    }

    public WorkbookCell Cell(string sheet, int row, int column) =>
        _sheets[sheet].TryGetValue((row, column), out var cell) ? cell : new WorkbookCell("", false, false);

    /// <summary>The numbers of the rows that hold at least one cell.</summary>
    public IReadOnlyList<int> RowsUsed(string sheet) => _sheets[sheet].Keys.Select(k => k.Row).Distinct().Order().ToList();

    /// <summary>The texts of a row's cells, left to right.</summary>
    public IReadOnlyList<string> Row(string sheet, int row) =>
        _sheets[sheet].Where(c => c.Key.Row == row).OrderBy(c => c.Key.Column).Select(c => c.Value.Text).ToList();

    /// <summary>The texts of a column's cells, top to bottom.</summary>
    public IReadOnlyList<string> Column(string sheet, int column) =>
        _sheets[sheet].Where(c => c.Key.Column == column).OrderBy(c => c.Key.Row).Select(c => c.Value.Text).ToList();

    private static (int Row, int Column) Position(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsLetter(reference[i]); i++)
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
        }
        return (int.Parse(reference[i..], CultureInfo.InvariantCulture), column);
    }
}

public sealed record WorkbookCell(string Text, bool IsNumber, bool IsFormula);
