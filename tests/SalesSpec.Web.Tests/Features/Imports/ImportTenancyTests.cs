using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Crm;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.TimeLogs;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>
/// Both sources of the import, on both databases, into a second organisation whose reps share names and emails
/// with Northwind's, over the same weeks: they read, match and change only that organisation. Northwind's rows are
/// the same to the byte afterwards, although everything in them would change the import's outcome if it were seen:
/// its weeks are approved or inside a closed period, its reps have hours in the file's weeks, and a name matches one
/// of its reps too.
/// </summary>
public sealed class ImportTenancyTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private const string Fabrikam = "Fabrikam";
    private const string Contoso = "Contoso Analytics";
    private static readonly DateOnly W46 = new(2026, 11, 9);
    private static readonly DateOnly W47 = new(2026, 11, 16);

    private static TimeLogImportService Imports(TestDatabase database) =>
        new(database.Access, Clock, NullLogger<TimeLogImportService>.Instance, Microsoft.Extensions.Options.Options.Create(new ImportOptions()));

    private static CrmFile Fixture(string folder, string name) =>
        new(name, () => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "fixtures", "crm", folder, name)));

    /// <summary>
    /// Fabrikam: Ana Ruiz and Olivia Patel under Northwind's addresses, and a Kara Lopez with an address of her own,
    /// 8 hours of CRM and admin each in weeks 46 and 47. Northwind gains a Quinn Harper with hours in both weeks and a
    /// closed period through week 47 (its weeks up to 46 are approved already).
    /// </summary>
    private static async Task SetUpAsync(TestDatabase database)
    {
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            db.Organizations.Add(Organization.Create(Fabrikam));
            var northwind = await db.Organizations.Include(o => o.Roles).Include(o => o.Teams).Include(o => o.Activities).SingleAsync();
            var quinn = Rep.Create("Quinn Harper", "quinn.harper@northwind.test", northwind.Roles.Single(r => r.Name == "Account Manager"), northwind.Teams.Single(t => t.Name == "Commercial"));
            db.Reps.Add(quinn);
            var admin = northwind.Activities.Single(a => a.Name == "CRM and admin");
            db.TimeLogs.AddRange(TimeLog.Create(quinn, admin, IsoWeek.FromMonday(W46), 8m), TimeLog.Create(quinn, admin, IsoWeek.FromMonday(W47), 8m));
            await db.SaveChangesAsync();
            db.LockPeriods.Add(LockPeriod.Create(northwind.Id, null, IsoWeek.FromMonday(W47), "Lee Leader", Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        await using (var db = await database.OpenAsync(Fabrikam))
        {
            var fabrikam = await db.Organizations.Include(o => o.Roles).Include(o => o.Activities).SingleAsync();
            var admin = fabrikam.Activities.Single(a => a.Name == "CRM and admin");
            foreach (var (name, email, role) in new[]
                     {
                         ("Ana Ruiz", "ana.ruiz@northwind.test", "Account Executive"),
                         ("Olivia Patel", "olivia.patel@northwind.test", "Full-Cycle Rep"),
                         ("Kara Lopez", "kara@fabrikam.test", "Full-Cycle Rep"),
                     })
            {
                var rep = Rep.Create(name, email, fabrikam.Roles.Single(r => r.Name == role));
                db.Reps.Add(rep);
                db.TimeLogs.AddRange(TimeLog.Create(rep, admin, IsoWeek.FromMonday(W46), 8m), TimeLog.Create(rep, admin, IsoWeek.FromMonday(W47), 8m));
            }
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The tables an import reads or writes, which the dump of an organisation must cover.</summary>
    private static void ShouldCoverTheImportsTables(IReadOnlyList<string> dump)
    {
        string[] tables = ["Organizations", "Reps", "Teams", "RepTeamAssignments", "Activities", "TimeLogs", "Timesheets", "LockPeriods"];
        tables.ShouldBeSubsetOf(dump.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
    }

    /// <summary>Fabrikam's reps (email, name, team) and every time log of theirs, as text.</summary>
    private static async Task<(List<string> Reps, List<string> Logs)> FabrikamAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync(Fabrikam);
        var id = db.OrganizationScope!.Value;
        var reps = await db.Reps.AcrossOrganizations()
            .Where(r => r.OrganizationId == id)
            .Select(r => new { r.Email, r.Name, Team = r.Team == null ? "" : r.Team.Name, TeamOrganization = r.Team == null ? id : r.Team.OrganizationId })
            .ToListAsync();
        reps.ShouldAllBe(r => r.TeamOrganization == id, "a rep's team is of the rep's organisation");
        var logs = await db.TimeLogs.AcrossOrganizations()
            .Where(t => t.Rep.OrganizationId == id)
            .Select(t => new { t.Rep.Email, t.WeekStart, Activity = t.Activity.Name, ActivityOrganization = t.Activity.OrganizationId, t.Hours })
            .ToListAsync();
        logs.ShouldAllBe(t => t.ActivityOrganization == id, "a time log's activity is of its rep's organisation");
        return (
            reps.Select(r => $"{r.Email} {r.Name} {r.Team}".TrimEnd()).Order(StringComparer.Ordinal).ToList(),
            logs.Select(t => $"{t.Email} {IsoWeek.FromMonday(t.WeekStart)} {t.Activity} {t.Hours:0.####}").Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_time_log_file_imported_into_one_organisation_neither_reads_nor_changes_anothers_reps_and_weeks(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        await SetUpAsync(database);
        var consultant = await database.MemberAsync(Fabrikam, MemberRole.Consultant);
        var northwind = await DatabaseDump.OrganizationAsync(database, DemoOrganization.Name);
        ShouldCoverTheImportsTables(northwind);
        var contoso = await DatabaseDump.OrganizationAsync(database, Contoso);
        // Ana is Fabrikam's and Northwind's (her week 46 approved there); Ben and his team Enterprise are only Northwind's.
        const string csv = """
            week,rep_email,rep_name,team,role,activity,hours
            2026-W46,ana.ruiz@northwind.test,,,,Demos,3
            2026-W47,ana.ruiz@northwind.test,,,,Demos,4
            2026-W46,ben.carter@northwind.test,Ben Carter,Enterprise,Account Executive,Demos,5
            2026-W47,ben.carter@northwind.test,,,,Demos,6
            """;

        TimeLogImportReport report;
        await using (var file = new MemoryStream(Encoding.UTF8.GetBytes(csv)))
        {
            report = await Imports(database).ImportAsync(consultant, file, dryRun: false, "fabrikam.csv");
        }

        report.Errors.ShouldBeEmpty();
        (report.Imported, report.RepsCreated, report.TeamsCreated, report.WeeksReplaced, report.WeeksWithEarlierData).ShouldBe((true, 1, 1, 4, 2));
        report.NewReps.ShouldBe([new ImportedRep("ben.carter@northwind.test", "Ben Carter", "Enterprise", "Account Executive")]);
        var (reps, logs) = await FabrikamAsync(database);
        reps.ShouldBe(["ana.ruiz@northwind.test Ana Ruiz", "ben.carter@northwind.test Ben Carter Enterprise", "kara@fabrikam.test Kara Lopez", "olivia.patel@northwind.test Olivia Patel"]);
        logs.ShouldBe(
        [
            "ana.ruiz@northwind.test 2026-W46 Demos 3",
            "ana.ruiz@northwind.test 2026-W47 Demos 4",
            "ben.carter@northwind.test 2026-W46 Demos 5",
            "ben.carter@northwind.test 2026-W47 Demos 6",
            "kara@fabrikam.test 2026-W46 CRM and admin 8",
            "kara@fabrikam.test 2026-W47 CRM and admin 8",
            "olivia.patel@northwind.test 2026-W46 CRM and admin 8",
            "olivia.patel@northwind.test 2026-W47 CRM and admin 8",
        ]);
        DatabaseDump.Changes(northwind, await DatabaseDump.OrganizationAsync(database, DemoOrganization.Name)).ShouldBeEmpty();
        DatabaseDump.Changes(contoso, await DatabaseDump.OrganizationAsync(database, Contoso)).ShouldBeEmpty();
        await using var db = await database.OpenAsync(Fabrikam);
        (await db.AuditEntries.Where(a => a.Action == "Imported").Select(a => a.Summary).SingleAsync()).ShouldStartWith("imported time logs from 'fabrikam.csv'");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CRM_exports_imported_into_one_organisation_match_reps_by_email_and_by_name_only_there_and_leave_another_as_it_was(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        await SetUpAsync(database);
        var consultant = await database.MemberAsync(Fabrikam, MemberRole.Consultant);
        var rules = await new CrmRuleService(database.Access, new CrmRulesFormValidator(), TimeProvider.System).GetAsync(consultant);
        var northwind = await DatabaseDump.OrganizationAsync(database, DemoOrganization.Name);
        ShouldCoverTheImportsTables(northwind);
        var contoso = await DatabaseDump.OrganizationAsync(database, Contoso);
        var crm = new CrmImportService(Imports(database), new CrmRulesFormValidator(), new CrmLayoutValidator());

        // Salesforce names its owners by email: Olivia is Fabrikam's (and Northwind's); Quinn is only Northwind's.
        var salesforce = await crm.ImportAsync(consultant, [Fixture("salesforce", "Task.csv"), Fixture("salesforce", "Event.csv"), Fixture("salesforce", "User.csv")],
            rules, "Account Manager", dryRun: false);
        // HubSpot names Kara by name: Fabrikam's Kara Lopez (not Northwind's, whose name is the same); Ravi is new to both.
        string[] hubspotFiles = ["calls.csv", "meetings.csv", "emails.csv", "tasks.csv"];
        var hubspot = await crm.ImportAsync(consultant, hubspotFiles.Select(n => Fixture("hubspot", n)).ToList(),
            rules, "Full-Cycle Rep", dryRun: false);

        salesforce.Import.Errors.ShouldBeEmpty();
        (salesforce.Import.Imported, salesforce.Import.RepsCreated, salesforce.Import.WeeksReplaced, salesforce.Import.WeeksWithEarlierData).ShouldBe((true, 1, 3, 1));
        salesforce.Import.NewReps.ShouldBe([new ImportedRep("quinn.harper@northwind.test", "Quinn Harper", null, "Account Manager")]);
        hubspot.Import.Errors.ShouldBeEmpty();
        (hubspot.Import.Imported, hubspot.Import.WeeksReplaced, hubspot.Import.WeeksWithEarlierData).ShouldBe((true, 2, 1));
        hubspot.Import.NewReps.ShouldBe([new ImportedRep("ravi.shah@northwind.test", "Ravi Shah", null, "Full-Cycle Rep")]);
        hubspot.Skipped.GetValueOrDefault(CrmSkipReason.UnknownOwner).ShouldBe(1);

        var (reps, logs) = await FabrikamAsync(database);
        reps.ShouldBe(["ana.ruiz@northwind.test Ana Ruiz", "kara@fabrikam.test Kara Lopez", "olivia.patel@northwind.test Olivia Patel", "quinn.harper@northwind.test Quinn Harper", "ravi.shah@northwind.test Ravi Shah"]);
        // What the exports say, on Fabrikam's reps; the weeks they do not cover as they were.
        string[] untouched =
        [
            "ana.ruiz@northwind.test 2026-W46 CRM and admin 8",
            "ana.ruiz@northwind.test 2026-W47 CRM and admin 8",
            "kara@fabrikam.test 2026-W46 CRM and admin 8",
            "olivia.patel@northwind.test 2026-W46 CRM and admin 8",
        ];
        logs.ShouldBe(untouched
            .Concat(salesforce.WeeklyHours.Concat(hubspot.WeeklyHours).Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Email} {w.Week} {w.Activity} {w.Hours:0.####}")))
            .Order(StringComparer.Ordinal));
        // The same hours the CRM tests find for these exports in Northwind.
        hubspot.WeeklyHours.Where(w => w.Email == "kara@fabrikam.test").ToDictionary(w => (w.Week, w.Activity), w => w.Hours).ShouldBe(new Dictionary<(string, string), decimal>
        {
            [("2026-W47", "Respond to web inquiries")] = 0.2m,
            [("2026-W47", "Discovery calls")] = 0.0833m,
            [("2026-W47", "Cold calls")] = 0.1667m,
            [("2026-W47", "Demos")] = 1m,
            [("2026-W47", "Proposals and negotiation")] = 0.0833m,
        }, ignoreOrder: true);
        salesforce.WeeklyHours.Where(w => w.Email == "quinn.harper@northwind.test" && w.Week == "2026-W46").ToDictionary(w => w.Activity, w => w.Hours).ShouldBe(new Dictionary<string, decimal>
        {
            ["Account reviews"] = 0.3333m,
            ["Support escalations"] = 0.25m,
            ["Onboarding"] = 2m,
        }, ignoreOrder: true);
        DatabaseDump.Changes(northwind, await DatabaseDump.OrganizationAsync(database, DemoOrganization.Name)).ShouldBeEmpty();
        DatabaseDump.Changes(contoso, await DatabaseDump.OrganizationAsync(database, Contoso)).ShouldBeEmpty();
        await using var db = await database.OpenAsync(Fabrikam);
        (await db.AuditEntries.CountAsync(a => a.Action == "Imported" && a.Summary.StartsWith("imported CRM activity from "))).ShouldBe(2);
    }
}
