namespace SalesSpec.Cli;

/// <summary>A plain-text table with aligned columns, for pasting into an email.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Columns whose header starts with '>' are right-aligned (numbers).</summary>
    public void Add(params string[] cells) => _rows.Add(cells);

    public void Write(TextWriter output, string indent = "  ")
    {
        var right = headers.Select(h => h.StartsWith('>')).ToArray();
        var titles = headers.Select(h => h.TrimStart('>')).ToArray();
        var widths = titles.Select((t, i) => Math.Max(t.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) =>
            indent + string.Join("  ", cells.Select((c, i) => right[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(titles));
        output.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            output.WriteLine(Line(row));
        }
    }
}
