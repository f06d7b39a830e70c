using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.AnalysisJson;
using SalesSpec.Formats.TimeLogCsv;

namespace SalesSpec.Cli;

/// <summary>
/// <c>salesspec analyze FILE.csv [options]</c> (formats.md §4). Each option reads its own value and names the
/// option and the value it could not read, so a person sees every mistake of one command line at once.
/// </summary>
internal sealed class AnalyzeCommand : Command
{
    public const string Summary = """
        Analyses a time-log CSV (week, rep_email, rep_name, team, role, activity|function, hours)
        with the SalesSpec workload analyzer. No database or web server needed.
        """;

    public static readonly string[] Examples =
    [
        "salesspec analyze logs.csv",
        "salesspec analyze client.csv --team East --threshold 0.25 --json",
        "salesspec analyze client.csv --from 2026-W36 --to 2026-11-29 --inbound-leads-per-month 250",
    ];

    private readonly Argument<string> _file = new("FILE.csv")
    {
        Description = "the time-log CSV to analyse",
    };

    private readonly Option<IsoWeek?> _from = new("--from")
    {
        HelpName = "WEEK",
        Description = "first ISO week (2026-W36) or a date in it; default: the file's first week",
        CustomParser = result => Week(result, "--from", "2026-W36"),
    };

    private readonly Option<IsoWeek?> _to = new("--to")
    {
        HelpName = "WEEK",
        Description = "last ISO week or a date in it; default: the file's last week",
        CustomParser = result => Week(result, "--to", "2026-W47"),
    };

    private readonly Option<string?> _team = new("--team")
    {
        HelpName = "NAME",
        Description = "analyse one team (roles are still counted organisation-wide)",
        CustomParser = result => string.IsNullOrWhiteSpace(Text(result)) ? Error<string>(result, "--team needs a team name.") : Text(result).Trim(),
    };

    private readonly Option<OrganizationTemplate?> _template = new("--template")
    {
        HelpName = "FourRoles|ThreeWorkloads",
        Description = "default FourRoles",
        CustomParser = result =>
            Enum.TryParse<OrganizationTemplate>(Text(result), ignoreCase: true, out var template) && Enum.IsDefined(template) && !int.TryParse(Text(result), out _)
                ? template
                : Error<OrganizationTemplate?>(result, $"--template: '{Text(result)}' is not a template; use FourRoles or ThreeWorkloads."),
    };

    private readonly Option<decimal?> _threshold = new("--threshold")
    {
        HelpName = "0.2",
        Description = "the 80/20 line as a fraction; default 0.2",
        CustomParser = result => TryDecimal(Text(result), out var value) && value is > 0m and < 1m
            ? value
            : Error<decimal?>(result, $"--threshold: '{Text(result)}' must be a fraction between 0 and 1, like 0.2 for 20%."),
    };

    private readonly Option<decimal?> _weeklyHours = new("--weekly-hours")
    {
        HelpName = "40",
        Description = "standard weekly hours per person; default 40",
        CustomParser = result => TryDecimal(Text(result), out var value) && value is > 0m and <= 100m
            ? value
            : Error<decimal?>(result, $"--weekly-hours: '{Text(result)}' must be a number of hours above 0 and at most 100, like 40."),
    };

    private readonly Option<int?> _inboundLeadsPerMonth = new("--inbound-leads-per-month")
    {
        HelpName = "N",
        Description = "average inbound leads a month (for the Market Response Rep rule)",
        CustomParser = result => int.TryParse(Text(result), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : Error<int?>(result, $"--inbound-leads-per-month: '{Text(result)}' must be a whole number of leads, 0 or more."),
    };

    private readonly Option<bool> _simpleSales = new("--simple-sales")
    {
        Description = "the sales process is very simple (one- or two-call close)",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "print the analysis JSON instead of the report",
    };

    public AnalyzeCommand()
        : base("analyze", Summary)
    {
        Arguments.Add(_file);
        foreach (var option in new Option[] { _from, _to, _team, _template, _threshold, _weeklyHours, _inboundLeadsPerMonth, _simpleSales, _json })
        {
            Options.Add(option);
        }
        // An argument validator, not a command validator: those stop the options' own checks, and a person
        // should see every mistake of the command line at once.
        _file.Validators.Add(result =>
        {
            var file = result.GetValueOrDefault<string>();
            if (!File.Exists(file))
            {
                result.AddError($"File not found: {file}");
            }
        });
        SetAction(Analyze);
    }

    /// <summary>What is wrong with a token this command does not know (an unknown option or a second file).</summary>
    public static string Unexpected(string token) =>
        token.StartsWith("--", StringComparison.Ordinal)
            ? $"Unknown option '{token}'."
            : $"Unexpected argument '{token}' (only one file can be analysed).";

    private int Analyze(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var file = parse.GetRequiredValue(_file);
        var defaults = new CsvAnalysisOptions();
        var options = defaults with
        {
            From = parse.GetValue(_from),
            To = parse.GetValue(_to),
            Team = parse.GetValue(_team),
            Template = parse.GetValue(_template) ?? defaults.Template,
            Threshold = parse.GetValue(_threshold) ?? defaults.Threshold,
            StandardWeeklyHours = parse.GetValue(_weeklyHours) ?? defaults.StandardWeeklyHours,
            InboundLeadsPerMonth = parse.GetValue(_inboundLeadsPerMonth),
            HasSimpleSalesProcess = parse.GetValue(_simpleSales),
        };

        CsvAnalysisOutcome outcome;
        using (var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
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
            return CliApp.BadInput;
        }
        if (outcome.Result is null)
        {
            foreach (var message in outcome.Errors)
            {
                error.WriteLine(message);
            }
            return CliApp.BadInput;
        }

        if (parse.GetValue(_json))
        {
            output.WriteLine(AnalysisJsonWriter.Serialize(outcome.Result));
        }
        else
        {
            TextReport.Write(outcome.Result, options.Team, output);
        }
        return CliApp.Success;
    }

    private static IsoWeek? Week(ArgumentResult result, string option, string example) =>
        IsoWeek.TryParse(Text(result), out var week)
            ? week
            : Error<IsoWeek?>(result, $"{option}: '{Text(result)}' is not an ISO week ({example}) or a date (YYYY-MM-DD).");

    /// <summary>The option's value; an option given twice is a parse error of its own, so the last one is enough here.</summary>
    private static string Text(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    private static T? Error<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default;
    }

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
