using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SalesSpec.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private const string Header = "week,rep_email,rep_name,team,role,activity,function,hours\n";

    // Four reps over two weeks, small enough to work out by hand (see the assertions).
    private const string Small = Header +
        "2026-W46,ana@acme.test,Ana Ruiz,East,Full-Cycle Rep,Qualify inbound leads,,12\n" +
        "2026-W46,ana@acme.test,Ana Ruiz,East,Full-Cycle Rep,Demos,,20\n" +
        "2026-W46,ana@acme.test,,,,,non-selling,8\n" +
        "2026-W47,ana@acme.test,Ana Ruiz,East,Full-Cycle Rep,Demos,,30\n" +
        "2026-W47,ana@acme.test,Ana Ruiz,East,Full-Cycle Rep,Respond to web inquiries,,10\n" +
        "2026-11-18,bo@acme.test,Bo Berg,East,Account Executive,,Closing,30\n" +
        "2026-W46,bo@acme.test,Bo Berg,East,Account Executive,Respond to web inquiries,,10\n" +
        "2026-W47,cy@acme.test,Cy Chen,West,Account Manager,Renewals,,38\n" +
        "2026-W47,cy@acme.test,Cy Chen,West,Account Manager,Demos,,2\n" +
        "2026-W47,max@acme.test,Max Boss,West,Sales Manager,Internal meetings,,40\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("salesspec-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string content, string name = "logs.csv")
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Json_gives_the_numbers_worked_out_by_hand()
    {
        var (exit, output, error) = Run("analyze", File(Small), "--json");

        exit.ShouldBe(0, error);
        var json = JsonDocument.Parse(output).RootElement;
        (json.GetProperty("from").GetString(), json.GetProperty("to").GetString(), json.GetProperty("weeks").GetInt32())
            .ShouldBe(("2026-11-09", "2026-11-22", 2));
        json.GetProperty("totalHours").GetDouble().ShouldBe(160);
        json.GetProperty("sellingShare").GetDouble().ShouldBe(0.95);
        json.GetProperty("workloads")[0].GetProperty("hours").GetDouble().ShouldBe(32);
        json.GetProperty("workloads")[0].GetProperty("share").GetDouble().ShouldBe(0.2);
        var reps = json.GetProperty("reps");
        reps.EnumerateArray().Select(r => r.GetProperty("email").GetString()).ShouldBe(["ana@acme.test", "bo@acme.test", "cy@acme.test"]);
        reps[0].GetProperty("coreShare").GetDouble().ShouldBe(0.625);
        reps[0].GetProperty("nonCoreShare").GetDouble().ShouldBe(0.275);
        reps[0].GetProperty("focus").GetString().ShouldBe("Unfocused");
        reps[1].GetProperty("focus").GetString().ShouldBe("Unfocused");
        reps[2].GetProperty("focus").GetString().ShouldBe("Focused");
        reps[0].GetProperty("hoursByFunction").GetProperty("NonSelling").GetDouble().ShouldBe(8);

        // Inbound: ana 22 + bo 10 of their 120 hours (cy has none of 40) = 32/160 = 20 %: exactly the line, so no SplitOutRole.
        // Two closers are not yet three: no HireSdrBeforeNextAe.
        var kinds = json.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToList();
        kinds.ShouldBe(["MissingCoreRoles"], customMessage: output);
        json.GetProperty("missingTimesheets").EnumerateArray().Select(m => m.GetProperty("email").GetString()).ShouldBe(["cy@acme.test"]);
    }

    [Fact]
    public void A_lower_threshold_makes_the_80_20_rule_fire_with_evidence()
    {
        var (exit, output, _) = Run("analyze", File(Small), "--json", "--threshold", "0.15", "--weekly-hours=32");

        exit.ShouldBe(0);
        var recommendation = JsonDocument.Parse(output).RootElement.GetProperty("recommendations")[0];
        recommendation.GetProperty("kind").GetString().ShouldBe("SplitOutRole");
        recommendation.GetProperty("share").GetDouble().ShouldBe(0.2);
        recommendation.GetProperty("weeklyHours").GetDouble().ShouldBe(16);
        recommendation.GetProperty("fteEquivalent").GetDouble().ShouldBe(0.5);
        recommendation.GetProperty("suggestedHeadcount").GetInt32().ShouldBe(1);
        recommendation.GetProperty("candidates").EnumerateArray().Select(c => c.GetString()).ShouldBe(["ana@acme.test", "bo@acme.test"]);
    }

    [Fact]
    public void The_report_has_the_mix_the_reps_and_the_recommendations_in_aligned_tables()
    {
        var (exit, output, _) = Run("analyze", File(Small), "--inbound-leads-per-month", "250", "--simple-sales");

        exit.ShouldBe(0);
        output.ShouldContain("WHERE THE TIME GOES");
        output.ShouldContain("  Inbound qualification   32.0  20.0%        16.0");
        output.ShouldContain("  ana@acme.test  East  Full-Cycle Rep     Closing         80.0  62.5%     27.5%        10.0%  Unfocused");
        output.ShouldContain("1. Hire a Market Response Rep for inbound leads (advisory)");
        output.ShouldContain("Be careful about specialising here");
        output.ShouldContain("cy@acme.test      1  2026-W46");
    }

    [Fact]
    public void A_team_narrows_the_reps_and_an_unknown_team_lists_the_teams()
    {
        var (exit, output, _) = Run("analyze", File(Small), "--json", "--team", "west");
        var (badExit, _, error) = Run("analyze", File(Small), "--team", "North");

        exit.ShouldBe(0);
        JsonDocument.Parse(output).RootElement.GetProperty("reps").EnumerateArray().Select(r => r.GetProperty("email").GetString()).ShouldBe(["cy@acme.test"]);
        badExit.ShouldBe(2);
        error.ShouldContain("No rep is in team 'North'. Teams in the file: East, West.");
    }

    [Fact]
    public void The_three_workload_template_uses_its_own_roles()
    {
        var csv = Header +
            "2026-W47,dg@acme.test,Di,East,Demand Generation Rep,Cold calls,,40\n" +
            "2026-W47,ae@acme.test,Al,East,Account Executive,Demos,,30\n" +
            "2026-W47,ae@acme.test,Al,East,Account Executive,Qualify inbound leads,,10\n";
        var (exit, output, error) = Run("analyze", File(csv), "--json", "--template", "ThreeWorkloads");
        var (fourExit, _, fourError) = Run("analyze", File(csv), "--json");

        exit.ShouldBe(0, error);
        var json = JsonDocument.Parse(output).RootElement;
        json.GetProperty("workloads").EnumerateArray().Select(w => w.GetProperty("workload").GetString()).ShouldBe(["DemandGeneration", "Closing", "PostSales"]);
        json.GetProperty("reps")[1].GetProperty("coreWorkload").GetString().ShouldBe("DemandGeneration");
        fourExit.ShouldBe(2);
        fourError.ShouldContain("line 2, role: Unknown role 'Demand Generation Rep'. Known roles: Market Response Rep");
    }

    [Theory]
    [InlineData("--threshold", "20", "--threshold: '20' must be a fraction between 0 and 1")]
    [InlineData("--template", "Five", "--template: 'Five' is not a template")]
    [InlineData("--from", "2026-W60", "--from: '2026-W60' is not an ISO week")]
    [InlineData("--weekly-hours", "0", "--weekly-hours: '0' must be a number of hours above 0")]
    [InlineData("--inbound-leads-per-month", "-5", "--inbound-leads-per-month: '-5' must be a whole number")]
    [InlineData("--colour", "red", "Unknown option '--colour'.")]
    public void Bad_options_exit_with_2_and_say_why(string option, string value, string message)
    {
        var (exit, _, error) = Run("analyze", File(Small), option, value);

        exit.ShouldBe(2);
        error.ShouldContain(message);
    }

    [Fact]
    public void Any_precision_and_a_plain_hyphen_in_catch_all_names_are_accepted()
    {
        var csv = Header +
            "2026-W47,ana@acme.test,Ana,East,Full-Cycle Rep,Other - Closing,,30.33333\n" +
            "2026-W47,ana@acme.test,Ana,East,Full-Cycle Rep,other – inboundqualification,,9.66667\n";

        var (exit, output, error) = Run("analyze", File(csv), "--json");

        exit.ShouldBe(0, error);
        var rep = JsonDocument.Parse(output).RootElement.GetProperty("reps")[0];
        rep.GetProperty("hours").GetDouble().ShouldBe(40);
        rep.GetProperty("hoursByFunction").GetProperty("Closing").GetDouble().ShouldBe(30.33333);
    }

    [Theory]
    [InlineData("--to", "9999-12-31", "--to: '9999-12-31' is not an ISO week")]
    [InlineData("--from", "2010-W01", "A period is at most 520 weeks long")]
    public void Impossible_or_huge_periods_exit_with_2(string option, string value, string message)
    {
        var (exit, _, error) = Run("analyze", File(Small), option, value);

        exit.ShouldBe(2);
        error.ShouldContain(message);
    }

    [Fact]
    public void A_missing_file_or_command_exits_with_2()
    {
        var missing = Path.Combine(_folder, "nope.csv");
        var (fileExit, fileOutput, fileError) = Run("analyze", missing);
        fileExit.ShouldBe(2);
        fileOutput.ShouldBeEmpty();
        fileError.ShouldContain($"File not found: {missing}");

        var (unknownExit, unknownOutput, unknownError) = Run("report", "x.csv");
        unknownExit.ShouldBe(2);
        unknownOutput.ShouldBeEmpty();
        unknownError.ShouldStartWith("Unknown command 'report'.");
        unknownError.ShouldContain("salesspec analyze <FILE.csv> [options]");

        var (noneExit, noneOutput, noneError) = Run();
        noneExit.ShouldBe(2);
        noneOutput.ShouldBeEmpty();
        noneError.ShouldStartWith("Missing command.");
        noneError.ShouldContain("salesspec analyze <FILE.csv> [options]");

        var (noFileExit, noFileOutput, noFileError) = Run("analyze", "--json");
        noFileExit.ShouldBe(2);
        noFileOutput.ShouldBeEmpty();
        noFileError.ShouldContain("'analyze'");
        noFileError.ShouldContain("Run 'salesspec analyze --help' for the options.");
    }

    [Theory]
    [InlineData("analyze", "--help")]
    [InlineData("analyze", "-h")]
    [InlineData("--help")]
    [InlineData("report", "--help")]
    [InlineData("analyze", "nope.csv", "--colour", "--threshold", "7", "--help")]
    public void Help_exits_with_0_and_describes_every_option_with_examples(params string[] args)
    {
        var (exit, output, error) = Run(args);

        exit.ShouldBe(0, error);
        error.ShouldBeEmpty();
        // System.CommandLine wraps help to the terminal's width: compare words, not line breaks.
        var help = Regex.Replace(output, @"\s+", " ");
        help.ShouldContain("Analyses a time-log CSV (week, rep_email, rep_name, team, role, activity|function, hours) with the SalesSpec workload analyzer. No database or web server needed.");
        help.ShouldContain("Usage: salesspec analyze <FILE.csv> [options]");
        foreach (var line in new[]
        {
            "--from <WEEK> first ISO week (2026-W36) or a date in it; default: the file's first week",
            "--to <WEEK> last ISO week or a date in it; default: the file's last week",
            "--team <NAME> analyse one team (roles are still counted organisation-wide)",
            "--template <FourRoles|ThreeWorkloads> default FourRoles",
            "--threshold <0.2> the 80/20 line as a fraction; default 0.2",
            "--weekly-hours <40> standard weekly hours per person; default 40",
            "--inbound-leads-per-month <N> average inbound leads a month (for the Market Response Rep rule)",
            "--simple-sales the sales process is very simple (one- or two-call close)",
            "--json print the analysis JSON instead of the report",
            "-h, --help",
            "Examples: salesspec analyze logs.csv salesspec analyze client.csv --team East --threshold 0.25 --json",
        })
        {
            help.ShouldContain(line);
        }
        // The options of formats.md §4 and nothing else: no --version, no response files, no extra arguments.
        help.ShouldNotContain("--version");
        help.ShouldNotContain("additional arguments", Case.Insensitive);
    }

    [Theory]
    [InlineData("--colour", "Unknown option '--colour'.")]
    [InlineData("--colour=red", "Unknown option '--colour=red'.")]
    [InlineData("second.csv", "Unexpected argument 'second.csv' (only one file can be analysed).")]
    public void Unknown_options_and_a_second_file_exit_with_2_and_name_the_token(string token, string message)
    {
        var (exit, output, error) = Run("analyze", File(Small), token);

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain(message);
        error.ShouldContain("Run 'salesspec analyze --help' for the options.");
    }

    [Theory]
    [InlineData("--threshold")]
    [InlineData("--from")]
    [InlineData("--inbound-leads-per-month")]
    [InlineData("--weekly-hours=")]
    public void An_option_without_its_value_exits_with_2_and_names_the_option(params string[] options)
    {
        var (exit, output, error) = Run(["analyze", File(Small), .. options]);

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain($"'{options[0].TrimEnd('=')}'");
        error.ShouldContain("Run 'salesspec analyze --help' for the options.");
    }

    [Theory]
    [InlineData("--threshold=abc", "--threshold: 'abc' must be a fraction between 0 and 1")]
    [InlineData("--threshold=1", "--threshold: '1' must be a fraction between 0 and 1")]
    [InlineData("--weekly-hours=100.5", "--weekly-hours: '100.5' must be a number of hours above 0 and at most 100")]
    [InlineData("--template=1", "--template: '1' is not a template; use FourRoles or ThreeWorkloads.")]
    [InlineData("--inbound-leads-per-month=2.5", "--inbound-leads-per-month: '2.5' must be a whole number of leads, 0 or more.")]
    [InlineData("--to=2026-W47x", "--to: '2026-W47x' is not an ISO week (2026-W47) or a date (YYYY-MM-DD).")]
    [InlineData("--team= ", "--team needs a team name.")]
    public void A_bad_value_after_an_equals_sign_exits_with_2_and_says_why(string option, string message)
    {
        var (exit, output, error) = Run("analyze", File(Small), option);

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain(message);
    }

    [Fact]
    public void Every_mistake_of_a_command_line_is_reported_at_once()
    {
        var missing = Path.Combine(_folder, "nope.csv");

        var (exit, output, error) = Run("analyze", missing, "--threshold", "2", "--colour", "--template", "Five");

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("--threshold: '2' must be a fraction between 0 and 1");
        error.ShouldContain("--template: 'Five' is not a template");
        error.ShouldContain($"File not found: {missing}");
        error.ShouldContain("Unknown option '--colour'.");
    }

    [Fact]
    public void An_option_given_twice_exits_with_2()
    {
        var (exit, output, error) = Run("analyze", File(Small), "--from", "2026-W46", "--from", "2026-W47");

        exit.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("'--from'");
    }

    [Fact]
    public void Options_take_their_value_after_a_space_or_an_equals_sign_in_any_order()
    {
        var path = File(Small);
        var (spaced, _, _) = Run("analyze", "--threshold", "0.15", path, "--json", "--weekly-hours", "32");
        var (equals, output, error) = Run("analyze", path, "--json", "--threshold=0.15", "--weekly-hours=32");

        (spaced, equals).ShouldBe((0, 0), error);
        Run("analyze", path, "--json", "--threshold", "0.15", "--weekly-hours", "32").Out.ShouldBe(output);
        JsonDocument.Parse(output).RootElement.GetProperty("recommendations")[0].GetProperty("weeklyHours").GetDouble().ShouldBe(16);
    }

    [Fact]
    public void A_file_name_starting_with_an_at_sign_is_a_file_name_not_a_response_file()
    {
        var (exit, _, error) = Run("analyze", "@nope.csv");

        exit.ShouldBe(2);
        error.ShouldContain("File not found: @nope.csv");
    }

    [Fact]
    public void The_real_program_exits_with_2_on_a_bad_option_and_0_on_help()
    {
        var (badExit, badOutput, badError) = RunProgram("analyze", File(Small), "--colour");
        var (helpExit, helpOutput, helpError) = RunProgram("--help");

        badExit.ShouldBe(2);
        badOutput.ShouldBeEmpty();
        badError.ShouldContain("Unknown option '--colour'.");
        helpExit.ShouldBe(0, helpError);
        helpOutput.ShouldContain("salesspec analyze <FILE.csv> [options]");
    }

    private static (int Exit, string Out, string Err) RunProgram(params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "salesspec.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", program, .. args]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    [Fact]
    public void A_bad_file_exits_with_2_from_the_real_program_and_names_every_bad_line()
    {
        var bad = File(Header +
            "2026-W47,ana@acme.test,Ana,East,Full-Cycle Rep,Demos,,-1\n" +
            "2026-W47,ana@acme.test,Ana,East,Full-Cycle Rep,Demos,,2\n" +
            "2026-13-01,ana@acme.test,Ana,East,Full-Cycle Rep,Demos,,2\n" +
            "2026-W47,bo@acme.test,Bo,East,Overlord,Demos,,2\n" +
            "2026-W47,cy@acme.test,Cy,East,Full-Cycle Rep,,Selling,2\n" +
            "2026-W47,dee@acme.test,Dee,East,Full-Cycle Rep,Demos,,seven\n" +
            "2026-W47,eve@acme.test,Eve,East,Full-Cycle Rep,Demos,,100\n" +
            "2026-W47,eve@acme.test,Eve,East,Full-Cycle Rep,Renewals,,0.5\n", "bad.csv");
        var program = Path.Combine(AppContext.BaseDirectory, "salesspec.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", program, "analyze", bad]) { RedirectStandardError = true, RedirectStandardOutput = true };

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd().ShouldBeEmpty();
        process.WaitForExit();

        process.ExitCode.ShouldBe(2);
        error.ShouldContain("6 problem(s); nothing was analysed.");
        foreach (var line in new[] { "line 2, hours", "line 4, week", "line 5, role", "line 6, function", "line 7, hours", "line 9, hours" })
        {
            error.ShouldContain(line);
        }
        error.ShouldNotContain("line 3");
        error.ShouldNotContain("line 8");
    }
}
