using System.Globalization;
using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;

namespace SalesSpec.Formats.Tests.CrmCsv;

/// <summary>
/// Exports in the layouts clients send (tests/fixtures/crm/real, made by its generate.py), read with the default rules and
/// compared cell by cell — rep, ISO week, activity — with the hours that script worked out on its own.
/// </summary>
public sealed class RealLayoutsTests
{
    private static string Fixture(params string[] path) => Path.Combine([AppContext.BaseDirectory, "fixtures", "crm", "real", .. path]);

    private static CrmFile File(params string[] path) => new(path[^1], () => System.IO.File.OpenRead(Fixture(path)));

    private static Dictionary<(string, string, string), decimal> Expected(string name) =>
        System.IO.File.ReadLines(Fixture(name)).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => (f[0], f[1], f[2]), f => decimal.Parse(f[3], CultureInfo.InvariantCulture));

    private static (CrmExportReport Report, Dictionary<(string, string, string), decimal> Hours) Read(CrmExportOptions options, params CrmFile[] files)
    {
        var workload = new CrmWorkload(CrmRuleSet.DefaultRules, CrmRuleSet.DefaultStandardMinutes);
        var report = CrmExportReader.Read(files, options, record => workload.Add(record), workload.Skip);
        return (report, workload.WeeklyHours().ToDictionary(h => (h.Email, h.Week.ToString(), h.Activity), h => h.Hours));
    }

    private static void ShouldMatchCellByCell(Dictionary<(string, string, string), decimal> actual, Dictionary<(string, string, string), decimal> expected)
    {
        var cells = expected.Keys.Union(actual.Keys).Order().ToList();
        var wrong = cells
            .Where(c => Math.Abs(actual.GetValueOrDefault(c) - expected.GetValueOrDefault(c)) > 0.0001m)
            .Select(c => $"{c}: read {actual.GetValueOrDefault(c)}, expected {expected.GetValueOrDefault(c)}")
            .ToList();
        wrong.ShouldBeEmpty();
        expected.Count.ShouldBeGreaterThan(15);
    }

    [Theory]
    [InlineData("calls.csv")]
    [InlineData("calls.xlsx")]
    public void HubSpot_exports_with_the_users_export_give_the_expected_hours(string calls)
    {
        var (report, hours) = Read(new CrmExportOptions(),
            File("hubspot", calls), File("hubspot", "meetings.csv"), File("hubspot", "emails.csv"), File("hubspot", "tasks.csv"), File("hubspot", "users.csv"));

        report.Problems.ShouldBeEmpty();
        report.UnmatchedOwners.ShouldBeEmpty();
        report.Notes.ShouldHaveSingleItem().Text.ShouldBe("An event of 52 h over 3 days counts at most 8 h a day: 24 h in all.");
        ShouldMatchCellByCell(hours, Expected("expected-hubspot.csv"));
    }

    [Fact]
    public void A_Salesforce_data_export_with_a_latin_1_users_file_system_users_and_a_long_event_gives_the_expected_hours()
    {
        var (report, hours) = Read(new CrmExportOptions(), File("salesforce", "Task.csv"), File("salesforce", "Event.csv"), File("salesforce", "User.csv"));

        report.Problems.ShouldBeEmpty();
        report.Files.Single(f => f.Name == "User.csv").Note.ShouldNotBeNull();
        report.SystemUsers.Select(u => u.Owner).Order().ShouldBe(["Automated Process", "Integration User"]);
        ShouldMatchCellByCell(hours, Expected("expected-salesforce.csv"));
    }

    [Fact]
    public void A_Salesforce_report_with_names_day_first_dates_and_a_footer_gives_the_expected_hours()
    {
        var options = new CrmExportOptions
        {
            RepsByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Björn Nyström"] = "bjorn.nystrom@northwind.test",
                ["Chloé Dubois"] = "chloe.dubois@northwind.test",
            },
        };

        var (report, hours) = Read(options, File("report", "activities.csv"));

        report.Problems.ShouldBeEmpty();
        report.Files.Single().Kind.ShouldBe(CrmFileKind.SalesforceReport);
        report.UnmatchedOwners.ShouldBeEmpty();
        ShouldMatchCellByCell(hours, Expected("expected-report.csv"));
    }
}
