using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Formats.TimeLogCsv;

/// <summary>
/// Analyses a time-log CSV without a database: the file is streamed once and only hours per rep,
/// week and function are kept. Roles are the template's default roles, found by the <c>role</c> column.
/// </summary>
public static class CsvAnalysis
{
    /// <summary>Ten years: the same limit as the API.</summary>
    public const int MaxWeeks = 520;

    public static CsvAnalysisOutcome Analyze(TextReader text, CsvAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var roles = Templates.DefaultRoles(options.Template).ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        var readerOptions = new TimeLogCsvOptions
        {
            Activities = TimeLogCsvOptions.DefaultActivities,
            KnownRoles = roles.Keys.ToList(),
            RoleRequired = true,
            // Nothing is stored, so any precision a spreadsheet writes is fine.
            MaxDecimals = null,
        };

        var hours = new Dictionary<(string Email, IsoWeek Week, SalesFunction Function), decimal>();
        IsoWeek? first = null;
        IsoWeek? last = null;
        var report = TimeLogCsvReader.Read(text, readerOptions, row =>
        {
            var key = (row.Email, row.Week, row.Function);
            hours[key] = hours.GetValueOrDefault(key) + row.Hours;
            first = first is null || row.Week < first ? row.Week : first;
            last = last is null || row.Week > last ? row.Week : last;
        });
        if (!report.IsValid)
        {
            return new CsvAnalysisOutcome(report, [], null);
        }

        var errors = new List<string>();
        if (first is null || last is null)
        {
            errors.Add("The file has no time logs.");
            return new CsvAnalysisOutcome(report, errors, null);
        }
        var from = options.From ?? first.Value;
        var to = options.To ?? last.Value;
        if (from > to)
        {
            errors.Add($"The period starts ({from}) after it ends ({to}).");
        }
        else if (from.WeeksThrough(to) > MaxWeeks)
        {
            errors.Add($"A period is at most {MaxWeeks} weeks long; {from} to {to} is {from.WeeksThrough(to)}.");
        }
        var teams = report.Reps.Values.Select(r => r.Team).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (options.Team is not null && !teams.Contains(options.Team, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"No rep is in team '{options.Team}'. Teams in the file: {(teams.Count == 0 ? "none" : string.Join(", ", teams))}.");
        }
        if (errors.Count > 0)
        {
            return new CsvAnalysisOutcome(report, errors, null);
        }

        var input = new AnalysisInput
        {
            Template = options.Template,
            Threshold = options.Threshold,
            StandardWeeklyHours = options.StandardWeeklyHours,
            From = from,
            To = to,
            Team = options.Team,
            Reps = report.Reps.Values
                .Select(r =>
                {
                    var role = roles[r.Role!];
                    return new AnalysisRep(r.Email, r.Name ?? r.Email, r.Team, role.Name, role.CoreWorkload, IsActive: true, IsAnalysed: role.IsAnalysed);
                })
                .ToList(),
            Hours = hours.Select(kv => new RepWeekHours(kv.Key.Email, kv.Key.Week, kv.Key.Function, kv.Value)).ToList(),
            InboundLeadsPerMonth = options.InboundLeadsPerMonth,
            HasSimpleSalesProcess = options.HasSimpleSalesProcess,
        };
        return new CsvAnalysisOutcome(report, [], WorkloadAnalyzer.Analyze(input));
    }
}
