using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SalesSpec.Formats.Spreadsheets;

/// <summary>
/// Reads the first sheet of an Excel workbook row by row (the SDK's SAX reader: memory holds the shared strings and
/// one row), each cell as the text a CSV export of it would hold: dates as <c>2026-03-05</c> or
/// <c>2026-03-05 14:30:00</c>, time values (a call's duration) as <c>h:mm:ss</c>, other numbers in full, with the
/// invariant culture. Row numbers are the sheet's own, so a problem names the row Excel shows.
/// </summary>
public static class XlsxRows
{
    /// <summary>A zip archive starts with "PK\3\4"; every .xlsx is one.</summary>
    public static bool IsWorkbook(ReadOnlySpan<byte> start) => start.Length >= 4 && start[0] == 0x50 && start[1] == 0x4B && start[2] == 3 && start[3] == 4;

    /// <summary>The rows of the first sheet with their numbers; empty rows are left out, gaps inside a row are empty strings.</summary>
    public static IEnumerable<(int Row, string[] Cells)> Read(Stream workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var document = SpreadsheetDocument.Open(workbook, isEditable: false);
        var part = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no sheets.");
        var first = part.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()?.Id?.Value ?? throw new InvalidDataException("The workbook has no sheets.");
        var sheet = (WorksheetPart)part.GetPartById(first);
        var strings = SharedStrings(part);
        var kinds = CellKinds(part);

        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add("");
                }
                cells.Add(Text(cell, strings, kinds));
            }
            while (cells.Count > 0 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }
            if (cells.Count > 0)
            {
                yield return ((int)(row.RowIndex?.Value ?? 0), cells.ToArray());
            }
        }
    }

    private static string Text(Cell cell, List<string> strings, CellKind[] kinds)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : "";
        }
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }
        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "true" : "false";
        }
        if (type == CellValues.String || type == CellValues.Error || raw.Length == 0)
        {
            return raw;
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }
        var kind = cell.StyleIndex?.Value is { } style && style < kinds.Length ? kinds[style] : CellKind.Number;
        return kind switch
        {
            CellKind.Date when number is >= 1 and < 2_958_466 => DateTime.FromOADate(number) is var at && at.TimeOfDay == TimeSpan.Zero
                ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : Rounded(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            CellKind.Time when number >= 0 => Duration(number),
            _ => ((decimal)number).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A fraction of a day as h:mm:ss, hours running past 24 as Excel's [h]:mm:ss shows them.</summary>
    private static string Duration(double days)
    {
        var seconds = (long)Math.Round(days * 86_400, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}");
    }

    // A time stored as a fraction of a day comes back a hair off (14:29:59.9999); whole seconds are what the cell showed.
    private static DateTime Rounded(DateTime at) => new(at.Ticks + TimeSpan.TicksPerSecond / 2 - (at.Ticks + TimeSpan.TicksPerSecond / 2) % TimeSpan.TicksPerSecond);

    private static List<string> SharedStrings(WorkbookPart part)
    {
        var list = new List<string>();
        if (part.SharedStringTablePart is not { } table)
        {
            return list;
        }
        using var reader = OpenXmlReader.Create(table);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                list.Add(reader.LoadCurrentElement()!.InnerText);
            }
        }
        return list;
    }

    /// <summary>What each cell style shows its number as: a date (with or without a time), a time of day or duration, or a number.</summary>
    private static CellKind[] CellKinds(WorkbookPart part)
    {
        var styles = part.WorkbookStylesPart?.Stylesheet;
        if (styles?.CellFormats is not { } formats)
        {
            return [];
        }
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        return formats.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id ? KindOf(id, custom.GetValueOrDefault(id)) : CellKind.Number)
            .ToArray();
    }

    private static CellKind KindOf(uint id, string? code)
    {
        switch (id)
        {
            case >= 14 and <= 17 or 22 or >= 27 and <= 36 or >= 50 and <= 58:
                return CellKind.Date;
            case >= 18 and <= 21 or >= 45 and <= 47:
                return CellKind.Time;
        }
        if (string.IsNullOrEmpty(code))
        {
            return CellKind.Number;
        }
        // Quoted text, escaped characters and colours say nothing about dates; [h], [mm] and [ss] are elapsed time.
        var plain = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '\\')
            {
                i++;
            }
            else if (!quoted && c == '[' && code.IndexOf(']', i) is var close and > 0)
            {
                var inside = code[(i + 1)..close].ToLowerInvariant();
                if (inside.Trim('h', 'm', 's').Length == 0)
                {
                    plain.Append(inside[0]);
                }
                i = close;
            }
            else if (!quoted)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }
        var text = plain.ToString();
        if (text.Contains('y', StringComparison.Ordinal) || text.Contains('d', StringComparison.Ordinal))
        {
            return CellKind.Date;
        }
        return text.Contains('h', StringComparison.Ordinal) || text.Contains('s', StringComparison.Ordinal) ? CellKind.Time : CellKind.Number;
    }

    /// <summary>"C12" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    private enum CellKind
    {
        Number,
        Date,
        Time,
    }
}
