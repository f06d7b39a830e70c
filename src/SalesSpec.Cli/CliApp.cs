using System.Globalization;
using System.Text;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.AnalysisJson;
using SalesSpec.Formats.TimeLogCsv;

namespace SalesSpec.Cli;

/// <summary>The command line of formats.md §4. Exit codes: 0 success, 2 bad input or bad options.</summary>
public static class CliApp
{
    public const int Success = 0;
    public const int BadInput = 2;

    public const string Usage = """
        Usage: salesspec analyze FILE.csv [options]

        Analyses a time-log CSV (week, rep_email, rep_name, team, role, activity|function, hours)
        with the SalesSpec workload analyzer. No database or web server needed.

        Options:
          --from WEEK                    first ISO week (2026-W36) or a date in it; default: the file's first week
          --to WEEK                      last ISO week or a date in it; default: the file's last week
          --team NAME                    analyse one team (roles are still counted organisation-wide)
          --template FourRoles|ThreeWorkloads   default FourRoles
          --threshold 0.2                the 80/20 line as a fraction; default 0.2
          --weekly-hours 40              standard weekly hours per person; default 40
          --inbound-leads-per-month N    average inbound leads a month (for the Market Response Rep rule)
          --simple-sales                 the sales process is very simple (one- or two-call close)
          --json                         print the analysis JSON instead of the report
          --help                         show this help
        """;

    private static readonly string[] ValueOptions =
        ["--from", "--to", "--team", "--template", "--threshold", "--weekly-hours", "--inbound-leads-per-month"];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Contains("--help") || args.Contains("-h"))
        {
            output.WriteLine(Usage);
            return Success;
        }
        if (args.Length == 0 || args[0] != "analyze")
        {
            error.WriteLine(args.Length == 0 ? "Missing command." : $"Unknown command '{args[0]}'.");
            error.WriteLine(Usage);
            return BadInput;
        }

        var errors = new List<string>();
        var (file, values, flags) = Parse(args[1..], errors);
        var options = ReadOptions(values, errors);
        if (file is null)
        {
            errors.Add("Name the time-log CSV file to analyse.");
        }
        else if (!File.Exists(file))
        {
            errors.Add($"File not found: {file}");
        }
        if (errors.Count > 0)
        {
            foreach (var message in errors)
            {
                error.WriteLine(message);
            }
            error.WriteLine("Run 'salesspec analyze --help' for the options.");
            return BadInput;
        }

        options = options with { HasSimpleSalesProcess = flags.Contains("--simple-sales") };
        CsvAnalysisOutcome outcome;
        using (var reader = new StreamReader(file!, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
        {
            outcome = CsvAnalysis.Analyze(reader, options);
        }
        if (outcome.Report.IgnoredColumns.Count > 0)
        {
            error.WriteLine($"Ignored unknown columns: {string.Join(", ", outcome.Report.IgnoredColumns)}");
        }
        if (!outcome.Report.IsValid)
        {
            error.WriteLine($"{file}: {outcome.Report.ProblemCount} problem(s); nothing was analysed.");
            foreach (var problem in outcome.Report.Problems)
            {
                error.WriteLine($"  {problem}");
            }
            if (outcome.Report.ProblemCount > outcome.Report.Problems.Count)
            {
                error.WriteLine($"  … and {outcome.Report.ProblemCount - outcome.Report.Problems.Count} more.");
            }
            return BadInput;
        }
        if (outcome.Result is null)
        {
            foreach (var message in outcome.Errors)
            {
                error.WriteLine(message);
            }
            return BadInput;
        }

        if (flags.Contains("--json"))
        {
            output.WriteLine(AnalysisJsonWriter.Serialize(outcome.Result));
        }
        else
        {
            TextReport.Write(outcome.Result, options.Team, output);
        }
        return Success;
    }

    private static (string? File, Dictionary<string, string> Values, HashSet<string> Flags) Parse(string[] args, List<string> errors)
    {
        string? file = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (file is null)
                {
                    file = arg;
                }
                else
                {
                    errors.Add($"Unexpected argument '{arg}' (only one file can be analysed).");
                }
                continue;
            }
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (ValueOptions.Contains(name))
            {
                string? value = equals > 0 ? arg[(equals + 1)..] : i + 1 < args.Length ? args[++i] : null;
                if (value is null)
                {
                    errors.Add($"{name} needs a value.");
                }
                else if (!values.TryAdd(name, value))
                {
                    errors.Add($"{name} is given twice.");
                }
            }
            else if (name is "--json" or "--simple-sales" && equals < 0)
            {
                flags.Add(name);
            }
            else
            {
                errors.Add($"Unknown option '{arg}'.");
            }
        }
        return (file, values, flags);
    }

    private static CsvAnalysisOptions ReadOptions(Dictionary<string, string> values, List<string> errors)
    {
        var options = new CsvAnalysisOptions();
        if (values.TryGetValue("--from", out var from))
        {
            options = IsoWeek.TryParse(from, out var week) ? options with { From = week } : Error(options, $"--from: '{from}' is not an ISO week (2026-W36) or a date (YYYY-MM-DD).");
        }
        if (values.TryGetValue("--to", out var to))
        {
            options = IsoWeek.TryParse(to, out var week) ? options with { To = week } : Error(options, $"--to: '{to}' is not an ISO week (2026-W47) or a date (YYYY-MM-DD).");
        }
        if (values.TryGetValue("--team", out var team))
        {
            options = string.IsNullOrWhiteSpace(team) ? Error(options, "--team needs a team name.") : options with { Team = team.Trim() };
        }
        if (values.TryGetValue("--template", out var template))
        {
            options = Enum.TryParse<OrganizationTemplate>(template, ignoreCase: true, out var t) && Enum.IsDefined(t) && !int.TryParse(template, out _)
                ? options with { Template = t }
                : Error(options, $"--template: '{template}' is not a template; use FourRoles or ThreeWorkloads.");
        }
        if (values.TryGetValue("--threshold", out var threshold))
        {
            options = TryDecimal(threshold, out var value) && value is > 0m and < 1m
                ? options with { Threshold = value }
                : Error(options, $"--threshold: '{threshold}' must be a fraction between 0 and 1, like 0.2 for 20%.");
        }
        if (values.TryGetValue("--weekly-hours", out var hours))
        {
            options = TryDecimal(hours, out var value) && value is > 0m and <= 100m
                ? options with { StandardWeeklyHours = value }
                : Error(options, $"--weekly-hours: '{hours}' must be a number of hours above 0 and at most 100, like 40.");
        }
        if (values.TryGetValue("--inbound-leads-per-month", out var leads))
        {
            options = int.TryParse(leads, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? options with { InboundLeadsPerMonth = value }
                : Error(options, $"--inbound-leads-per-month: '{leads}' must be a whole number of leads, 0 or more.");
        }
        return options;

        CsvAnalysisOptions Error(CsvAnalysisOptions unchanged, string message)
        {
            errors.Add(message);
            return unchanged;
        }
    }

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
