using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.TimeLogCsv;

namespace SalesSpec.Formats.Tests.TimeLogCsv;

/// <summary>The command line's analysis of a bare file (formats.md §4): the file's problems, the option errors, or an analysis.</summary>
public sealed class CsvAnalysisTests
{
    private const string Header = "week,rep_email,rep_name,team,role,activity,hours\n";

    private static CsvAnalysisOutcome Analyze(string text, CsvAnalysisOptions? options = null) =>
        CsvAnalysis.Analyze(new StringReader(text), options ?? new CsvAnalysisOptions());

    [Fact]
    public void A_good_file_is_analysed_over_its_own_weeks_with_the_template_s_roles()
    {
        var outcome = Analyze(Header
            + "2026-W45,ana@acme.test,Ana,East,Full-Cycle Rep,Demos,10.123456\n"
            + "2026-W47,ana@acme.test,Ana,East,Full-Cycle Rep,Demos,5\n"
            + "2026-W46,bo@acme.test,,West,market response rep,Qualify inbound leads,20\n"
            + "2026-W46,bo@acme.test,,West,Market Response Rep,Respond to web inquiries,4\n");

        outcome.Report.Problems.ShouldBeEmpty();
        outcome.Errors.ShouldBeEmpty();
        var result = outcome.Result.ShouldNotBeNull();
        result.From.ShouldBe(IsoWeek.Parse("2026-W45"));
        result.To.ShouldBe(IsoWeek.Parse("2026-W47"));
        result.Weeks.ShouldBe(3);
        result.Template.ShouldBe(OrganizationTemplate.FourRoles);
        result.TotalHours.ShouldBe(39.123456m);
        result.Reps.Select(r => (r.Email, r.Name, r.Team, r.Role, r.CoreWorkload)).ShouldBe(
        [
            ("ana@acme.test", "Ana", "East", "Full-Cycle Rep", Workload.Closing),
            ("bo@acme.test", "bo@acme.test", "West", "Market Response Rep", Workload.InboundQualification),
        ], ignoreOrder: true);
        result.Reps.Single(r => r.Email == "bo@acme.test").HoursByFunction[SalesFunction.InboundQualification].ShouldBe(24m);
    }

    [Fact]
    public void The_options_choose_the_period_team_and_settings()
    {
        var outcome = Analyze(
            Header + "2026-W45,ana@acme.test,Ana,East,Full-Cycle Rep,Demos,10\n" + "2026-W47,bo@acme.test,Bo,West,Full-Cycle Rep,Demos,5\n",
            new CsvAnalysisOptions
            {
                From = IsoWeek.Parse("2026-W44"),
                To = IsoWeek.Parse("2026-W46"),
                Team = "east",
                Threshold = 0.3m,
                StandardWeeklyHours = 35m,
                Template = OrganizationTemplate.ThreeWorkloads,
            });

        outcome.Errors.ShouldBeEmpty();
        var result = outcome.Result.ShouldNotBeNull();
        (result.From.ToString(), result.To.ToString(), result.Weeks).ShouldBe(("2026-W44", "2026-W46", 3));
        (result.Threshold, result.StandardWeeklyHours, result.Template).ShouldBe((0.3m, 35m, OrganizationTemplate.ThreeWorkloads));
        result.Reps.Select(r => r.Email).ShouldBe(["ana@acme.test"]);
        result.TotalHours.ShouldBe(10m);
    }

    [Fact]
    public void Roles_are_those_of_the_chosen_template()
    {
        var outcome = Analyze(Header + "2026-W45,ana@acme.test,Ana,,Market Response Rep,Demos,1\n", new CsvAnalysisOptions { Template = OrganizationTemplate.ThreeWorkloads });

        outcome.Result.ShouldBeNull();
        outcome.Errors.ShouldBeEmpty();
        outcome.Report.Problems.Single().ToString().ShouldStartWith("line 2, role: Unknown role 'Market Response Rep'. Known roles: Demand Generation Rep, Account Executive");
    }

    [Fact]
    public void A_file_with_problems_gives_no_analysis_and_no_option_errors()
    {
        var outcome = Analyze(Header + "2026-W45,ana@acme.test,Ana,East,,Demos,1\n", new CsvAnalysisOptions { Team = "Nowhere" });

        outcome.Result.ShouldBeNull();
        outcome.Errors.ShouldBeEmpty();
        outcome.Report.Problems.Single().Column.ShouldBe("role");
    }

    [Fact]
    public void Any_precision_is_accepted_since_nothing_is_stored()
    {
        var outcome = Analyze(Header + "2026-W45,ana@acme.test,Ana,East,Full-Cycle Rep,Demos,1.0000001\n");

        outcome.Report.Problems.ShouldBeEmpty();
        outcome.Result.ShouldNotBeNull().TotalHours.ShouldBe(1.0000001m);
    }

    [Fact]
    public void A_file_without_time_logs_says_so()
    {
        var outcome = Analyze(Header);

        outcome.Errors.ShouldBe(["The file has no time logs."]);
        outcome.Result.ShouldBeNull();
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        var outcome = Analyze(Header + "2026-W45,ana@acme.test,Ana,East,Full-Cycle Rep,Demos,1\n", new CsvAnalysisOptions { From = IsoWeek.Parse("2026-W46") });

        outcome.Errors.ShouldBe(["The period starts (2026-W46) after it ends (2026-W45)."]);
        outcome.Result.ShouldBeNull();
    }

    [Fact]
    public void A_period_of_520_weeks_is_the_longest()
    {
        const string file = Header + "2026-W45,ana@acme.test,Ana,East,Full-Cycle Rep,Demos,1\n";
        var to = IsoWeek.Parse("2026-W45");

        Analyze(file, new CsvAnalysisOptions { From = to.AddWeeks(-519) }).Errors.ShouldBeEmpty();

        var tooLong = Analyze(file, new CsvAnalysisOptions { From = to.AddWeeks(-520) });
        tooLong.Errors.ShouldBe([$"A period is at most 520 weeks long; {to.AddWeeks(-520)} to 2026-W45 is 521."]);
        tooLong.Result.ShouldBeNull();
    }

    [Fact]
    public void An_unknown_team_names_the_teams_in_the_file()
    {
        const string file = Header
            + "2026-W45,ana@acme.test,Ana,West,Full-Cycle Rep,Demos,1\n"
            + "2026-W45,bo@acme.test,Bo,east,Full-Cycle Rep,Demos,1\n"
            + "2026-W45,cy@acme.test,Cy,East,Full-Cycle Rep,Demos,1\n";

        Analyze(file, new CsvAnalysisOptions { Team = "North" }).Errors.ShouldBe(["No rep is in team 'North'. Teams in the file: east, West."]);
        Analyze(Header + "2026-W45,ana@acme.test,Ana,,Full-Cycle Rep,Demos,1\n", new CsvAnalysisOptions { Team = "North" })
            .Errors.ShouldBe(["No rep is in team 'North'. Teams in the file: none."]);
    }

    [Fact]
    public void Period_and_team_errors_are_both_given()
    {
        var outcome = Analyze(Header + "2026-W45,ana@acme.test,Ana,,Full-Cycle Rep,Demos,1\n",
            new CsvAnalysisOptions { To = IsoWeek.Parse("2026-W44"), Team = "North" });

        outcome.Errors.Count.ShouldBe(2);
    }

    [Fact]
    public void The_options_default_to_the_organisation_defaults()
    {
        var options = new CsvAnalysisOptions();

        options.Template.ShouldBe(OrganizationTemplate.FourRoles);
        options.Threshold.ShouldBe(Organization.DefaultThreshold);
        options.StandardWeeklyHours.ShouldBe(Organization.DefaultStandardWeeklyHours);
        (options.From, options.To, options.Team, options.InboundLeadsPerMonth, options.HasSimpleSalesProcess).ShouldBe((null, null, null, null, false));
    }

    [Fact]
    public void Null_options_are_refused()
    {
        Should.Throw<ArgumentNullException>(() => CsvAnalysis.Analyze(new StringReader(Header), null!));
    }
}
