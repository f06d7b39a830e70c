using CsvHelper;

namespace SalesSpec.Formats.Csv;

/// <summary>
/// How SalesSpec reads every CSV it takes in: comma-separated RFC 4180, a header read like any line,
/// line numbers kept, and a broken line noted (in <paramref name="malformedLines"/>) instead of
/// ending the read, so that one bad line is reported and the rest of the file still checked.
/// </summary>
public static class StrictCsv
{
    public const string BrokenQuoting = "The line's quoting is broken (a quote inside an unquoted value, or text after a closing quote).";

    public static CsvReader Open(TextReader text, ISet<long> malformedLines, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(malformedLines);
        return CsvReader.Create(text, new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrimWhitespace = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = record => malformedLines.Add(record.LineNumber),
        }, true);
    }

    /// <summary>The current line's values.</summary>
    public static string[] Fields(CsvReader csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var fields = new string[csv.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = csv.GetString(i);
        }
        return fields;
    }

    /// <summary>A header cell as written, without the spaces around it or a byte-order mark.</summary>
    public static string HeaderName(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Trim().TrimStart('\uFEFF');
    }

    /// <summary>Spreadsheets in many locales save "CSV" with semicolons: one header cell holding them all.</summary>
    public static bool IsSemicolonSeparated(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Count == 1 && header[0].Contains(';', StringComparison.Ordinal);
    }
}
