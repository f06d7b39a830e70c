using System.Globalization;
using CsvHelper;
using SalesSpec.Formats.Spreadsheets;

namespace SalesSpec.Formats.TimeLogCsv;

/// <summary>
/// Writes the time-log CSV of formats.md §1 line by line (an export streams, whatever its size), in
/// the columns the reader takes, so that export → import round-trips exactly.
/// </summary>
public sealed class TimeLogCsvWriter : IDisposable
{
    private readonly CsvWriter _csv;
    private readonly string[] _record = new string[TimeLogCsvReader.Columns.Count];

    public TimeLogCsvWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var options = new CsvWriterOptions
        {
            FormatProvider = CultureInfo.InvariantCulture,
            NewLine = "\r\n",
            // Neutralised here, by SpreadsheetText, because the reader must undo exactly what was done.
            Injection = CsvInjection.None,
        };
        _csv = CsvWriter.Create(writer, options, leaveOpen: true);
        _csv.WriteHeader([.. TimeLogCsvReader.Columns]);
    }

    public void Write(TimeLogCsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _record[0] = record.Week.ToString();
        _record[1] = SpreadsheetText.Neutralise(record.Email);
        _record[2] = SpreadsheetText.Neutralise(record.Name);
        _record[3] = SpreadsheetText.Neutralise(record.Team ?? "");
        _record[4] = SpreadsheetText.Neutralise(record.Role);
        _record[5] = SpreadsheetText.Neutralise(record.Activity);
        _record[6] = record.Function.ToString();
        _record[7] = record.Hours.ToString("0.####", CultureInfo.InvariantCulture);
        _csv.WriteRecord(_record);
    }

    public void Flush() => _csv.Flush();

    public void Dispose() => _csv.Dispose();
}
