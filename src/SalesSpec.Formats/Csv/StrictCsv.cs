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

    public static CsvReader Open(TextReader text, ISet<long> malformedLines)
    {
        ArgumentNullException.ThrowIfNull(malformedLines);
        return CsvReader.Create(text, new CsvReaderOptions
        {
            Separator = ',',
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
}
