using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.Csv;
using SalesSpec.Formats.TimeLogCsv;
using static SalesSpec.Formats.Tests.TimeLogCsv.TimeLogCsvFixture;

namespace SalesSpec.Formats.Tests.TimeLogCsv;

/// <summary>The rules of formats.md §1, each at its edge, with the messages a person fixing the file reads.</summary>
public sealed class TimeLogCsvRulesTests
{
    private const string Header = "week,rep_email,rep_name,team,role,activity,function,hours\n";

    private static string Line(string hours, string email = "ana@acme.test", string week = "2026-W47", string name = "Ana",
        string team = "East", string role = "Full-Cycle Rep", string activity = "Demos", string function = "") =>
        $"{week},{email},{name},{team},{role},{activity},{function},{hours}\n";

    private static string[] Messages(TimeLogCsvReport report) => [.. report.Problems.Select(p => p.ToString())];

    [Fact]
    public void A_week_of_exactly_100_hours_is_accepted()
    {
        var (report, rows) = Read(Header + Line("60") + Line("40", activity: "Cold calls"));

        report.Problems.ShouldBeEmpty();
        report.IsValid.ShouldBeTrue();
        report.ProblemCount.ShouldBe(0);
        rows.Sum(r => r.Hours).ShouldBe(100m);
    }

    [Fact]
    public void A_week_just_over_100_hours_is_reported_on_the_line_that_crosses_the_limit()
    {
        var (report, rows) = Read(Header + Line("60") + Line("40.0001", activity: "Cold calls") + Line("2", activity: "Renewals"));

        Messages(report).ShouldBe(
        [
            "line 3, hours: Rep ana@acme.test's week 2026-W47 adds up to 102.0001 hours from this line on; a week has at most 100 hours.",
        ]);
        rows.Select(r => r.Line).ShouldBe([2, 3, 4]);
        report.IsValid.ShouldBeFalse();
    }

    [Fact]
    public void A_week_at_exactly_100_hours_that_then_goes_over_is_reported()
    {
        var (report, _) = Read(Header + Line("100") + Line("0.5", activity: "Cold calls"));

        Messages(report).ShouldBe(
            ["line 3, hours: Rep ana@acme.test's week 2026-W47 adds up to 100.5 hours from this line on; a week has at most 100 hours."]);
    }

    [Fact]
    public void A_rep_keeps_the_first_spelling_of_their_name_team_and_role()
    {
        var (report, _) = Read(Header + Line("1") + Line("1", name: "ANA", team: "EAST", role: "full-cycle rep", week: "2026-W48"));

        report.Problems.ShouldBeEmpty();
        report.Reps["ana@acme.test"].ShouldBe(new CsvRep("ana@acme.test", "Ana", "East", "Full-Cycle Rep", 2));
    }

    [Fact]
    public void Weeks_are_counted_per_rep_and_per_week()
    {
        var (report, _) = Read(Header + Line("60") + Line("60", week: "2026-W48") + Line("60", email: "bo@acme.test", name: "Bo"));

        report.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void One_line_may_hold_100_hours_but_not_more()
    {
        var (report, rows) = Read(Header + Line("100") + Line("100.5", email: "bo@acme.test", name: "Bo"));

        Messages(report).ShouldBe(["line 3, hours: 100.5 hours on one line is more than a week holds (at most 100)."]);
        rows.Single().Hours.ShouldBe(100m);
    }

    [Theory]
    [InlineData("7.5", 7.5)]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("3.", 3)]
    [InlineData(".5", 0.5)]
    [InlineData(" 2.25 ", 2.25)]
    [InlineData("1.2345", 1.2345)]
    public void Hours_are_plain_decimal_numbers_with_a_dot(string text, decimal expected)
    {
        var (report, rows) = Read(Header + Line(text));

        report.Problems.ShouldBeEmpty();
        rows.Single().Hours.ShouldBe(expected);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("+1")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("1.2.3")]
    [InlineData("1e3")]
    [InlineData("--1")]
    [InlineData("1 000")]
    public void Anything_else_is_not_a_number_of_hours(string text)
    {
        var (report, rows) = Read(Header + Line(text));

        Messages(report).ShouldBe([$"line 2, hours: '{text}' is not a number of hours (write it like 7.5, with a dot)."]);
        rows.ShouldBeEmpty();
    }

    [Fact]
    public void Missing_and_negative_hours_say_so()
    {
        var (report, _) = Read(Header + Line("") + Line("-0.5"));

        Messages(report).ShouldBe(["line 2, hours: The hours are missing.", "line 3, hours: Hours cannot be negative; got -0.5."]);
    }

    [Fact]
    public void Hours_keep_at_most_the_decimals_the_options_allow()
    {
        var (report, _) = Read(Header + Line("1.23456"));
        Messages(report).ShouldBe(["line 2, hours: '1.23456' has more than 4 decimals."]);

        var (twoDecimals, _) = Read(Header + Line("1.25") + Line("1.125", week: "2026-W48"), Options with { MaxDecimals = 2 });
        Messages(twoDecimals).ShouldBe(["line 3, hours: '1.125' has more than 2 decimals."]);

        var (any, rows) = Read(Header + Line("1.234567"), Options with { MaxDecimals = null });
        any.Problems.ShouldBeEmpty();
        rows.Single().Hours.ShouldBe(1.234567m);
    }

    [Fact]
    public void Week_and_email_problems_name_the_value()
    {
        var (report, _) = Read(Header + Line("1", week: "") + Line("1", week: "W47") + Line("1", email: "") + Line("1", email: "ana"));

        Messages(report).ShouldBe(
        [
            "line 2, week: The week is missing.",
            "line 3, week: 'W47' is not an ISO week (like 2026-W47) or a date (YYYY-MM-DD).",
            "line 4, rep_email: The rep's email is missing.",
            "line 5, rep_email: 'ana' is not a valid email address.",
        ]);
    }

    [Fact]
    public void A_date_is_read_as_its_week_and_an_email_in_lower_case()
    {
        var (_, rows) = Read(Header + Line("1", week: "2026-11-22", email: "Ana@ACME.test"));

        rows.Single().Week.ToString().ShouldBe("2026-W47");
        rows.Single().Email.ShouldBe("ana@acme.test");
    }

    [Fact]
    public void Activity_and_function_problems_say_what_to_use()
    {
        var (report, _) = Read(Header
            + Line("1", activity: "", function: "")
            + Line("1", activity: "Juggling")
            + Line("1", activity: "", function: "sales")
            + Line("1", activity: "Demos", function: "post-sales"));

        Messages(report).ShouldBe(
        [
            "line 2, activity: Either an activity or a function is needed.",
            $"line 3, activity: Unknown activity 'Juggling'. Known activities: {string.Join(", ", TimeLogCsvOptions.DefaultActivities.Keys)}.",
            "line 4, function: Unknown function 'sales'. Use one of InboundQualification, OutboundProspecting, Closing, PostSales, NonSelling.",
            "line 5, function: Activity 'Demos' belongs to Closing, not PostSales.",
        ]);
    }

    [Theory]
    [InlineData("Other - Closing", "", "Other – Closing", SalesFunction.Closing)]
    [InlineData("other \u2014 closing", "", "Other – Closing", SalesFunction.Closing)]
    [InlineData("  DEMOS ", "closing", "Demos", SalesFunction.Closing)]
    [InlineData("", "Post_Sales", "Other – PostSales", SalesFunction.PostSales)]
    [InlineData("", "outbound prospecting", "Other – OutboundProspecting", SalesFunction.OutboundProspecting)]
    [InlineData("Renewals", "POST-SALES", "Renewals", SalesFunction.PostSales)]
    public void Activities_and_functions_match_loosely_and_come_out_in_the_catalogue_spelling(
        string activity, string function, string expectedActivity, SalesFunction expectedFunction)
    {
        var (report, rows) = Read(Header + Line("1", activity: activity, function: function));

        report.Problems.ShouldBeEmpty();
        rows.Single().Activity.ShouldBe(expectedActivity);
        rows.Single().Function.ShouldBe(expectedFunction);
    }

    [Fact]
    public void A_rep_has_one_name_team_and_role_in_a_file()
    {
        var (report, rows) = Read(Header
            + Line("1")
            + Line("1", name: "Anna", week: "2026-W48")
            + Line("1", team: "West", week: "2026-W49")
            + Line("1", role: "Account Executive", week: "2026-W50")
            + Line("1", name: "ANA", team: "east", role: "full-cycle rep", week: "2026-W51"));

        Messages(report).ShouldBe(
        [
            "line 3, rep_name: Rep ana@acme.test has name 'Anna' here but 'Ana' on an earlier line; a rep has one name in a file.",
            "line 4, team: Rep ana@acme.test has team 'West' here but 'East' on an earlier line; a rep has one team in a file.",
            "line 5, role: Rep ana@acme.test has role 'Account Executive' here but 'Full-Cycle Rep' on an earlier line; a rep has one role in a file.",
        ]);
        rows.Select(r => r.Line).ShouldBe([2, 6]);
    }

    [Fact]
    public void A_rep_s_name_team_and_role_may_come_from_later_lines()
    {
        var (report, _) = Read(Header
            + Line("1", name: "", team: "", role: "")
            + Line("1", team: "", role: "", week: "2026-W48")
            + Line("1", name: "", week: "2026-W49"));

        report.Problems.ShouldBeEmpty();
        report.Reps.Values.ShouldBe([new CsvRep("ana@acme.test", "Ana", "East", "Full-Cycle Rep", 2)]);
    }

    [Fact]
    public void A_rep_without_a_role_is_reported_at_their_first_line_when_roles_are_required()
    {
        var text = Header + Line("1", role: "") + Line("1", week: "2026-W48", role: "") + Line("x", email: "bo@acme.test");

        var (report, _) = Read(text);
        Messages(report).ShouldBe(
        [
            "line 2, role: Rep ana@acme.test has no role on any line; a role is needed to create the rep.",
            "line 4, hours: 'x' is not a number of hours (write it like 7.5, with a dot).",
        ]);

        var (optional, rows) = Read(text, Options with { RoleRequired = false });
        optional.Problems.Count.ShouldBe(1);
        rows.Count.ShouldBe(2);
    }

    [Fact]
    public void Roles_are_checked_against_the_known_roles_ignoring_case_and_any_role_goes_without_them()
    {
        var (report, _) = Read(Header + Line("1", role: "account executive") + Line("1", email: "bo@acme.test", role: "Closer"));
        Messages(report).ShouldBe(["line 3, role: Unknown role 'Closer'. Known roles: Account Executive, Full-Cycle Rep."]);

        var (any, rows) = Read(Header + Line("1", role: "Closer"), Options with { KnownRoles = null });
        any.Problems.ShouldBeEmpty();
        any.Reps["ana@acme.test"].Role.ShouldBe("Closer");
        rows.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("rep_name", "Ana\u0000")]
    [InlineData("team", "East\u0007")]
    [InlineData("role", "Full-Cycle\u0001Rep")]
    public void Names_with_control_characters_are_refused(string column, string value)
    {
        var line = column switch
        {
            "rep_name" => Line("1", name: $"\"{value}\""),
            "team" => Line("1", team: $"\"{value}\""),
            _ => Line("1", role: $"\"{value}\""),
        };

        var (report, rows) = Read(Header + line, Options with { KnownRoles = null });

        Messages(report).ShouldBe([$"line 2, {column}: The {column} has control characters (such as NUL or a line break); remove them."]);
        rows.ShouldBeEmpty();
    }

    [Fact]
    public void A_line_with_another_number_of_values_or_broken_quoting_is_reported_without_a_column()
    {
        var (report, rows) = Read(Header + "2026-W47,ana@acme.test\n" + "2026-W47,ana@acme.test,Ana,East,Full-Cycle Rep,De\"mos,,1\n" + Line("1"));

        Messages(report).ShouldBe(["line 2: The line has 2 values; the header has 8.", "line 3: " + StrictCsv.BrokenQuoting]);
        report.DataLines.ShouldBe(3);
        rows.Single().Line.ShouldBe(4);
    }

    [Fact]
    public void The_header_problems_are_reported_at_line_one_with_what_was_found()
    {
        var (missing, rows) = Read("Week,Email,Hours,Notes\n2026-W47,ana@acme.test,1,x\n");
        Messages(missing).ShouldBe(
        [
            "line 1, rep_email: The header has no 'rep_email' column (found: Week, Email, Hours, Notes).",
            "line 1, activity: The header needs an 'activity' or a 'function' column (found: Week, Email, Hours, Notes).",
        ]);
        missing.DataLines.ShouldBe(0);
        missing.IgnoredColumns.ShouldBe(["Email", "Notes"]);
        rows.ShouldBeEmpty();

        var (twice, _) = Read("week,rep_email,activity,hours,HOURS\n");
        Messages(twice).ShouldBe(["line 1, hours: The column 'hours' appears twice in the header."]);

        var (noWeek, _) = Read("rep_email,function,hours\n");
        Messages(noWeek).ShouldBe(["line 1, week: The header has no 'week' column (found: rep_email, function, hours)."]);
    }

    [Fact]
    public void A_header_with_only_a_function_column_is_enough()
    {
        var (report, rows) = Read("week,rep_email,function,hours\n2026-W47,ana@acme.test,Closing,1\n", Options with { RoleRequired = false });

        report.Problems.ShouldBeEmpty();
        rows.Single().Activity.ShouldBe("Other – Closing");
    }

    [Fact]
    public void A_semicolon_separated_file_gets_one_message()
    {
        var (report, rows) = Read("week;rep_email;activity;hours\n2026-W47;ana@acme.test;Demos;1\n");

        Messages(report).ShouldBe(["line 1: The file is separated by semicolons (;); SalesSpec reads comma-separated CSV. Save it as \"CSV (comma delimited)\", or replace the semicolons with commas."]);
        report.DataLines.ShouldBe(0);
        rows.ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_file_says_which_columns_the_header_needs()
    {
        var (report, _) = Read("");

        Messages(report).ShouldBe(["line 1: The file is empty; it needs a header row with week, rep_email, activity or function, and hours."]);
        report.DataLines.ShouldBe(0);
        report.IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Only_the_first_problems_are_kept_but_all_are_counted()
    {
        var text = Header + string.Concat(Enumerable.Range(0, 5).Select(_ => Line("x")))
            + Line("60", email: "bo@acme.test") + Line("60", email: "bo@acme.test", activity: "Renewals");

        var (report, _) = Read(text, Options with { MaxProblems = 2 });

        report.Problems.Select(p => p.Line).ShouldBe([2, 3]);
        report.ProblemCount.ShouldBe(6);
        report.IsValid.ShouldBeFalse();
    }

    [Fact]
    public void The_default_limit_keeps_a_thousand_problems()
    {
        var text = Header + string.Concat(Enumerable.Range(0, 1001).Select(_ => Line("x")));

        var (report, _) = Read(text);

        report.Problems.Count.ShouldBe(1000);
        report.ProblemCount.ShouldBe(1001);
    }

    [Fact]
    public void Problems_come_out_in_line_order_and_in_the_order_found_within_a_line()
    {
        var (report, _) = Read(Header + Line("1", role: "") + Line("x", week: "", email: "bo@acme.test"));

        report.Problems.Select(p => (p.Line, p.Column)).ShouldBe([(2, "role"), (3, "week"), (3, "hours")]);
    }

    [Fact]
    public void Neutralised_cells_read_back_as_they_were_written()
    {
        var (report, rows) = Read(Header + Line("1", name: "'=Ana", team: "'-East"), Options with { KnownRoles = null });

        report.Problems.ShouldBeEmpty();
        report.Reps["ana@acme.test"].ShouldBe(new CsvRep("ana@acme.test", "=Ana", "-East", "Full-Cycle Rep", 2));
        rows.Single().Hours.ShouldBe(1m);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Should.Throw<ArgumentNullException>(() => TimeLogCsvReader.Read(null!, Options, _ => { }));
        Should.Throw<ArgumentNullException>(() => TimeLogCsvReader.Read(new StringReader(""), null!, _ => { }));
        Should.Throw<ArgumentNullException>(() => TimeLogCsvReader.Read(new StringReader(""), Options, null!));
    }

    [Fact]
    public void Activity_names_are_compared_ignoring_case_and_dashes()
    {
        TimeLogCsvOptions.ActivityKey(" Other \u2013 Closing ").ShouldBe("OTHER - CLOSING");
        TimeLogCsvOptions.ActivityKey("a\u2014b").ShouldBe("A-B");
    }

    [Fact]
    public void The_default_catalogue_has_the_default_activities_and_one_catch_all_per_function()
    {
        TimeLogCsvOptions.DefaultActivities["Cold calls"].ShouldBe(SalesFunction.OutboundProspecting);
        TimeLogCsvOptions.DefaultActivities["travel"].ShouldBe(SalesFunction.NonSelling);
        TimeLogCsvOptions.DefaultActivities["Other – InboundQualification"].ShouldBe(SalesFunction.InboundQualification);
        TimeLogCsvOptions.DefaultActivities.Count.ShouldBe(Templates.DefaultActivities.Count + 5);
    }

    [Fact]
    public void The_options_default_to_four_decimals_a_thousand_problems_and_no_required_role()
    {
        var options = new TimeLogCsvOptions { Activities = TimeLogCsvOptions.DefaultActivities };

        options.MaxDecimals.ShouldBe(4);
        options.MaxProblems.ShouldBe(1000);
        options.RoleRequired.ShouldBeFalse();
        options.KnownRoles.ShouldBeNull();
    }
}
