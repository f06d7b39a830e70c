using CsvHelper;
using SalesSpec.Formats.Csv;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>One export file opened for reading: its header, its columns by any of their names, and its lines with the broken ones reported.</summary>
internal sealed class CrmSheet : IDisposable
{
    private readonly HashSet<long> _malformed = [];
    private readonly CsvReader _csv;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly CrmProblems _problems;

    public CrmSheet(CrmFile file, CrmProblems problems)
    {
        File = file;
        _problems = problems;
        _text = file.Open();
        _csv = StrictCsv.Open(_text, _malformed);
        if (!_csv.Read())
        {
            IsEmpty = true;
            Header = [];
            return;
        }
        Header = StrictCsv.Fields(_csv);
        for (var i = 0; i < Header.Length; i++)
        {
            _columns.TryAdd(StrictCsv.HeaderName(Header[i]), i);
        }
    }

    private readonly TextReader _text;

    public CrmFile File { get; }

    public bool IsEmpty { get; }

    public string[] Header { get; }

    public int DataLines { get; private set; }

    public bool IsSemicolonSeparated => StrictCsv.IsSemicolonSeparated(Header);

    public bool Has(params string[] names) => names.Any(_columns.ContainsKey);

    /// <summary>The first of <paramref name="names"/> the file has: its position and its name as written; -1 when none.</summary>
    public CrmColumn Column(params string[] names)
    {
        foreach (var name in names)
        {
            if (_columns.TryGetValue(name, out var index))
            {
                return new CrmColumn(index, StrictCsv.HeaderName(Header[index]));
            }
        }
        return new CrmColumn(-1, names[0]);
    }

    /// <summary>The good data lines, with their line numbers; broken ones are reported and left out.</summary>
    public IEnumerable<(int Line, string[] Fields)> Lines()
    {
        while (_csv.Read())
        {
            var line = (int)_csv.LineNumber;
            DataLines++;
            if (_malformed.Remove(line))
            {
                _problems.Add(File.Name, line, "", StrictCsv.BrokenQuoting);
                continue;
            }
            if (_csv.FieldCount != Header.Length)
            {
                _problems.Add(File.Name, line, "", $"The line has {_csv.FieldCount} values; the header has {Header.Length}.");
                continue;
            }
            yield return (line, StrictCsv.Fields(_csv));
        }
    }

    public void Dispose()
    {
        _csv.Dispose();
        _text.Dispose();
    }
}
