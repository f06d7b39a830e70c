using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.TimeLogCsv;
using static SalesSpec.Formats.Tests.TimeLogCsv.TimeLogCsvFixture;

namespace SalesSpec.Formats.Tests;

public sealed class TimeLogCsvReaderTests
{
    [Fact]
    public void A_good_file_is_read_whatever_the_header_order_case_and_extra_columns()
    {
        var (report, rows) = Read(
            "\uFEFFHOURS,Rep_Email,Week,Activity,Function,Role,Team,rep_name,Notes\n" +
            "7.5,Ana@Acme.test,2026-W47,demos,,Full-Cycle Rep,East,\"Ruiz, Ana\",\"said \"\"hi\"\"\"\n" +
            "2,ana@acme.test,2026-11-19,,inbound-qualification,,,,\n" +
            "\n" +
            "0.25,ana@acme.test,2026-W47,,nonselling,,,,\n" +
            "1,ana@acme.test,2026-W47,Cold calls,OutboundProspecting,,,,\n");

        report.Problems.ShouldBeEmpty();
        report.IgnoredColumns.ShouldBe(["Notes"]);
        report.DataLines.ShouldBe(4);
        rows.Select(r => (r.Line, r.Week.ToString(), r.Email, r.Activity, r.Function, r.Hours)).ShouldBe(
        [
            (2, "2026-W47", "ana@acme.test", "Demos", SalesFunction.Closing, 7.5m),
            (3, "2026-W47", "ana@acme.test", "Other – InboundQualification", SalesFunction.InboundQualification, 2m),
            (5, "2026-W47", "ana@acme.test", "Other – NonSelling", SalesFunction.NonSelling, 0.25m),
            (6, "2026-W47", "ana@acme.test", "Cold calls", SalesFunction.OutboundProspecting, 1m),
        ]);
        report.Reps["ana@acme.test"].ShouldBe(new CsvRep("ana@acme.test", "Ruiz, Ana", "East", "Full-Cycle Rep", 2));
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_line_column_and_reason()
    {
        var (report, rows) = Read(
            "week,rep_email,rep_name,role,activity,function,hours\n" +
            "2026-W47,ana@acme.test,Ana,Full-Cycle Rep,Demos,,-3\n" +          // 2 negative
            "2026-W54,ana@acme.test,Ana,Full-Cycle Rep,Demos,,3\n" +           // 3 no such week
            "2026-02-30,ana@acme.test,Ana,Full-Cycle Rep,Demos,,3\n" +         // 4 impossible date
            "2026-W47,bo@acme.test,Bo,Closer,Demos,,3\n" +                     // 5 unknown role
            "2026-W47,cy@acme.test,Cy,Full-Cycle Rep,,sales,3\n" +             // 6 unknown function
            "2026-W47,dee@acme.test,Dee,Full-Cycle Rep,Demos,,abc\n" +         // 7 not a number
            "2026-W47,eve@acme.test,Eve,Full-Cycle Rep,Demos,,60\n" +          // 8 fine
            "2026-W47,eve@acme.test,Eve,Full-Cycle Rep,Cold calls,,40.5\n" +   // 9 week over 100
            "2026-W47,eve@acme.test,Eve,Full-Cycle Rep,Renewals,,1\n" +        // 10 still over: reported once
            "2026-W47,not-an-email,X,Full-Cycle Rep,Demos,,1\n" +              // 11 bad email
            "2026-W47,fay@acme.test,Fay,Full-Cycle Rep,Demos,,1,extra\n" +     // 12 too many values
            "2026-W47,gus@acme.test,Gus,Full-Cycle Rep,Juggling,,1\n" +        // 13 unknown activity
            "2026-W47,hal@acme.test,Hal,Full-Cycle Rep,Demos,PostSales,1\n" +  // 14 activity and function disagree
            "2026-W47,eve@acme.test,Eve,Account Executive,Demos,,1\n" +        // 15 rep changes role
            "2026-W47,ivy@acme.test,Ivy,,Demos,,1\n" +                         // 16 rep never gets a role
            "2026-W47,jo@acme.test,Jo,Full-Cycle Rep,,,1\n" +                  // 17 neither activity nor function
            ",kim@acme.test,Kim,Full-Cycle Rep,Demos,,\n" +                    // 18 week and hours missing
            "2026-W47,lu@acme.test,Lu,Full-Cycle Rep,Demos,,1e3\n" +           // 19 exponent
            "2026-W47,mo@acme.test,Mo,Full-Cycle Rep,Demos,,1,5\n" +          // 20 comma decimal → too many values
            "2026-W47,ned@acme.test,Ned,Full-Cycle Rep,Demos,,1.23456\n");    // 21 more decimals than the database keeps

        rows.Select(r => r.Line).ShouldBe([8, 9, 10, 16]);
        report.Problems.Select(p => (p.Line, p.Column)).ShouldBe(
        [
            (2, "hours"), (3, "week"), (4, "week"), (5, "role"), (6, "function"), (7, "hours"), (9, "hours"),
            (11, "rep_email"), (12, ""), (13, "activity"), (14, "function"), (15, "role"), (16, "role"),
            (17, "activity"), (18, "week"), (18, "hours"), (19, "hours"), (20, ""), (21, "hours"),
        ]);
        report.Problems.Single(p => p.Line == 9).Reason.ShouldBe(
            "Rep eve@acme.test's week 2026-W47 adds up to 101.5 hours from this line on; a week has at most 100 hours.");
        report.Problems.Single(p => p.Line == 5).Reason.ShouldBe("Unknown role 'Closer'. Known roles: Account Executive, Full-Cycle Rep.");
        report.Problems.Single(p => p.Line == 2).ToString().ShouldBe("line 2, hours: Hours cannot be negative; got -3.");
        report.Problems.Single(p => p.Line == 16).Reason.ShouldContain("has no role");
        report.IsValid.ShouldBeFalse();
    }

    [Fact]
    public void A_header_without_required_columns_stops_at_line_one()
    {
        var (report, rows) = Read("week,email,activity,hrs\n2026-W47,ana@acme.test,Demos,1\n");

        rows.ShouldBeEmpty();
        report.Problems.Select(p => (p.Line, p.Column)).ShouldBe([(1, "rep_email"), (1, "hours")]);
    }

    [Fact]
    public void An_empty_file_says_what_a_header_needs()
    {
        var (report, _) = Read("");

        report.Problems.Single().Reason.ShouldStartWith("The file is empty");
    }

    [Fact]
    public void Broken_quoting_is_reported_and_the_rest_still_read()
    {
        var (report, rows) = Read(
            "week,rep_email,role,activity,hours\n" +
            "2026-W47,ana@acme.test,Full-Cycle Rep,De\"mos,1\n" +
            "2026-W47,ana@acme.test,Full-Cycle Rep,Demos,2\n");

        report.Problems.Single().Line.ShouldBe(2);
        rows.Single().Hours.ShouldBe(2m);
    }

    [Fact]
    public void Roles_are_optional_where_the_organisation_already_knows_its_reps()
    {
        var (report, rows) = Read("week,rep_email,activity,hours\n2026-W47,ana@acme.test,Demos,1\n", Options with { RoleRequired = false, KnownRoles = null });

        report.Problems.ShouldBeEmpty();
        rows.Count.ShouldBe(1);
    }
}
