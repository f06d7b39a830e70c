using System.Globalization;
using SalesSpec.Domain.Common;
using SalesSpec.Formats.Csv;
using SalesSpec.Formats.Spreadsheets;
using SalesSpec.Formats.TimeLogCsv;

namespace SalesSpec.Formats.LeadCountCsv;

/// <summary>
/// Reads monthly inbound lead counts, <c>month,leads</c> (e.g. <c>2026-09,340</c>), strictly: every
/// problem with its line and column, and a month given twice is a problem, not a silent sum.
/// </summary>
public static class LeadCountCsvReader
{
    public const string Month = "month";
    public const string Leads = "leads";
    public const int MaxLeads = 10_000_000;

    public static (IReadOnlyList<LeadCountCsvRow> Rows, IReadOnlyList<CsvProblem> Problems) Read(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<LeadCountCsvRow>();
        var problems = new List<CsvProblem>();
        var malformed = new HashSet<long>();
        using var csv = StrictCsv.Open(text, malformed);
        if (!csv.Read())
        {
            problems.Add(new CsvProblem(1, "", $"The file is empty; it needs a header row '{Month},{Leads}'."));
            return (rows, problems);
        }
        var header = StrictCsv.Fields(csv).Select(cell => StrictCsv.HeaderName(cell).ToLowerInvariant()).ToList();
        var monthColumn = header.IndexOf(Month);
        var leadsColumn = header.IndexOf(Leads);
        if (monthColumn < 0 || leadsColumn < 0)
        {
            problems.Add(new CsvProblem(1, "", $"The header must have the columns '{Month}' and '{Leads}' (found: {Echo.Cut(string.Join(",", header))})."));
            return (rows, problems);
        }
        var seen = new Dictionary<DateOnly, int>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (malformed.Remove(line))
            {
                problems.Add(new CsvProblem(line, "", StrictCsv.BrokenQuoting));
                continue;
            }
            if (csv.FieldCount != header.Count)
            {
                problems.Add(new CsvProblem(line, "", $"The line has {csv.FieldCount} values; the header has {header.Count}."));
                continue;
            }
            var monthText = SpreadsheetText.Restore(csv.GetString(monthColumn)).Trim();
            var leadsText = SpreadsheetText.Restore(csv.GetString(leadsColumn)).Trim();
            var month = ParseMonth(monthText);
            if (month is null)
            {
                problems.Add(new CsvProblem(line, Month, $"'{Echo.Cut(monthText)}' is not a month; write it like 2026-09."));
            }
            else if (seen.TryGetValue(month.Value, out var earlier))
            {
                problems.Add(new CsvProblem(line, Month, $"{month.Value:yyyy-MM} is already on line {earlier}; a month appears once."));
                month = null;
            }
            else
            {
                seen[month.Value] = line;
            }
            if (!int.TryParse(leadsText, NumberStyles.None, CultureInfo.InvariantCulture, out var leads) || leads > MaxLeads)
            {
                problems.Add(new CsvProblem(line, Leads, $"'{Echo.Cut(leadsText)}' is not a number of leads (a whole number from 0 to {MaxLeads:N0})."));
                continue;
            }
            if (month is { } m)
            {
                rows.Add(new LeadCountCsvRow(line, m, leads));
            }
        }
        return (rows, problems);
    }

    /// <summary><c>2026-09</c>, or any date in the month.</summary>
    public static DateOnly? ParseMonth(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
        {
            return month.Year is >= 1900 and <= 2999 ? new DateOnly(month.Year, month.Month, 1) : null;
        }
        return null;
    }
}
