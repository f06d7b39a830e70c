using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>Time-log CSV import and export on both real databases: all or nothing, idempotent, round-tripping.</summary>
public sealed class TimeLogImportTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private const string Header = "week,rep_email,rep_name,team,role,activity,hours";

    private static TimeLogImportService Imports(TestDatabase database) =>
        new(database.Access, Clock, NullLogger<TimeLogImportService>.Instance, Microsoft.Extensions.Options.Options.Create(new ImportOptions()));

    private static async Task<TimeLogImportReport> ImportAsync(TestDatabase database, MemberAccess member, string csv, bool dryRun = false)
    {
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await Imports(database).ImportAsync(member, file, dryRun, "test.csv");
    }

    private static async Task<string> ExportAsync(TestDatabase database, MemberAccess member)
    {
        await using var output = new MemoryStream();
        await new TimeLogExportService(database.Access).WriteCsvAsync(member, null, null, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>Everything an import could touch, as comparable text.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database, string organization = DemoOrganization.Name)
    {
        await using var db = await database.OpenAsync(organization);
        var logs = await db.TimeLogs.AsNoTracking()
            .Select(t => new { t.Rep.Email, t.WeekStart, Activity = t.Activity.Name, t.Hours })
            .ToListAsync();
        var reps = await db.Reps.AsNoTracking().Select(r => r.Email + "/" + r.Name + "/" + (r.Team == null ? "" : r.Team.Name) + "/" + r.Role.Name).ToListAsync();
        var teams = await db.Teams.AsNoTracking().Select(t => t.Name).ToListAsync();
        return string.Join("\n", logs.Select(l => $"{l.Email} {l.WeekStart:yyyy-MM-dd} {l.Activity} {l.Hours:0.####}").Order(StringComparer.Ordinal))
               + "\n--\n" + string.Join("\n", reps.Order(StringComparer.Ordinal))
               + "\n--\n" + string.Join("\n", teams.Order(StringComparer.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_good_file_creates_reps_and_teams_and_replaces_only_the_weeks_it_covers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var before = await SnapshotAsync(database);
        // Ana's week 47 (submitted, not locked) is replaced; her "Demos" lines add up; a new rep brings a new team.
        var csv = $"""
            {Header}
            2026-W47,ana.ruiz@northwind.test,,,,Demos,10
            2026-11-18,ana.ruiz@northwind.test,,,,demos,2.5
            2026-W47,ana.ruiz@northwind.test,,,,Proposals and negotiation,0.75
            2026-W30,Zoe.Young@Northwind.test,Zoë Young,Partners,Sales Development Rep,Cold calls,20
            2026-W30,zoe.young@northwind.test,,,,Cold calls,5
            2026-W30,zoe.young@northwind.test,,,,CRM and admin,4.25
            2026-W30,zoe.young@northwind.test,,,,Demos,1
            """;

        var report = await ImportAsync(database, consultant, csv);

        report.Errors.ShouldBeEmpty();
        report.Imported.ShouldBeTrue();
        (report.RowsRead, report.RepsCreated, report.TeamsCreated, report.WeeksReplaced, report.WeeksWithEarlierData)
            .ShouldBe((7, 1, 1, 2, 1));
        report.HoursImported.ShouldBe(10m + 2.5m + 0.75m + 20m + 5m + 4.25m + 1m);
        report.HoursByFunction[SalesFunction.OutboundProspecting].ShouldBe(25m);
        (report.FirstWeek, report.LastWeek, report.Weeks).ShouldBe(("2026-W30", "2026-W47", 2));
        report.NewReps.ShouldBe([new ImportedRep("zoe.young@northwind.test", "Zoë Young", "Partners", "Sales Development Rep")]);

        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var anaWeek = await db.TimeLogs.Where(t => t.Rep.Email == "ana.ruiz@northwind.test" && t.WeekStart == new DateOnly(2026, 11, 16))
            .Select(t => new { t.Activity.Name, t.Hours }).ToListAsync();
        anaWeek.OrderBy(a => a.Name).Select(a => (a.Name, a.Hours)).ShouldBe([("Demos", 12.5m), ("Proposals and negotiation", 0.75m)]);
        var anaEarlier = await db.TimeLogs.CountAsync(t => t.Rep.Email == "ana.ruiz@northwind.test" && t.WeekStart == new DateOnly(2026, 11, 9));
        anaEarlier.ShouldBeGreaterThan(0, "weeks the file does not cover are left as they were");
        var zoe = await db.Reps.Include(r => r.Team).Include(r => r.Role).SingleAsync(r => r.Email == "zoe.young@northwind.test");
        (zoe.Name, zoe.Team!.Name, zoe.Role.Name).ShouldBe(("Zoë Young", "Partners", "Sales Development Rep"));
        // A new rep's team history starts with their imported team, from the start.
        var zoeHistory = await db.RepTeamAssignments.Where(a => a.RepId == zoe.Id).Select(a => new { a.TeamId, a.FromWeek, a.ToWeek }).SingleAsync();
        (zoeHistory.TeamId, zoeHistory.FromWeek, zoeHistory.ToWeek).ShouldBe((zoe.TeamId, Domain.Organizations.RepTeamAssignment.Beginning, (DateOnly?)null));
        (await db.TimeLogs.Where(t => t.RepId == zoe.Id).SumAsync(t => t.Hours)).ShouldBe(30.25m);
        var audit = await db.AuditEntries.Where(a => a.EntityType == "TimeLogs").SingleAsync();
        audit.Summary.ShouldContain("7 rows");
        audit.UserId.ShouldBe(consultant.UserId);
        (await SnapshotAsync(database)).ShouldNotBe(before);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Importing_the_same_file_twice_leaves_the_same_data_and_a_dry_run_writes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var leader = await database.MemberAsync(DemoOrganization.Name, MemberRole.Leader);
        var csv = $"""
            {Header}
            2026-W20,new.rep@northwind.test,New Rep,Enterprise,Full-Cycle Rep,Demos,12.3456
            2026-W20,new.rep@northwind.test,,,,Renewals,7
            2026-W47,ben.carter@northwind.test,,,,Cold calls,33.3
            """;
        var original = await SnapshotAsync(database);

        var preview = await ImportAsync(database, leader, csv, dryRun: true);
        preview.Errors.ShouldBeEmpty();
        (preview.Imported, preview.DryRun, preview.RepsCreated, preview.WeeksReplaced).ShouldBe((false, true, 1, 2));
        preview.Sample.Count.ShouldBe(3);
        (await SnapshotAsync(database)).ShouldBe(original, "a preview writes nothing");

        (await ImportAsync(database, leader, csv)).Imported.ShouldBeTrue();
        var once = await SnapshotAsync(database);
        var again = await ImportAsync(database, leader, csv);
        again.Imported.ShouldBeTrue();
        (again.RepsCreated, again.WeeksWithEarlierData).ShouldBe((0, 2));
        (await SnapshotAsync(database)).ShouldBe(once);
        once.ShouldContain("new.rep@northwind.test 2026-05-11 Demos 12.3456");
    }

    /// <summary>Name, file, and the problems expected as "line:column" (line 1 is the header).</summary>
    private static readonly (string Name, string Csv, string Expected)[] BadFiles =
    [
        ("unclosed quote", $"{Header}\n2026-W30,ana.ruiz@northwind.test,\"Ana,,,Demos,3\n", "2:"),
        ("wrong column count", $"{Header}\n2026-W30,ana.ruiz@northwind.test,,,,Demos,3\n2026-W30,ana.ruiz@northwind.test,Demos,3\n", "3:"),
        ("bad date", $"{Header}\n2026-02-30,ana.ruiz@northwind.test,,,,Demos,3\n2026-W54,ana.ruiz@northwind.test,,,,Demos,3\n", "2:week 3:week"),
        ("negative hours", $"{Header}\n2026-W30,ana.ruiz@northwind.test,,,,Demos,-3\n", "2:hours"),
        ("huge hours", $"{Header}\n2026-W30,ana.ruiz@northwind.test,,,,Demos,100000000000\n", "2:hours"),
        ("hours beyond any integer", $"{Header}\n2026-W30,ana.ruiz@northwind.test,,,,Demos,1000000000000000000000\n", "2:hours"),
        ("hours with a comma", $"{Header}\n2026-W30,ana.ruiz@northwind.test,,,,Demos,\"7,5\"\n", "2:hours"),
        ("unknown role", $"{Header}\n2026-W30,new@northwind.test,New Person,,Closer,Demos,3\n", "2:role"),
        ("unknown activity", $"{Header}\n2026-W30,ana.ruiz@northwind.test,,,,Juggling,3\n", "2:activity"),
        ("new rep without a role", $"{Header}\n2026-W30,new@northwind.test,New Person,,,Demos,3\n", "2:role"),
        ("duplicate header", "week,rep_email,activity,hours,hours\n2026-W30,ana.ruiz@northwind.test,Demos,3,4\n", "1:hours"),
        ("empty file", "", "1:"),
        ("header only, semicolons", "week;rep_email;activity;hours\n2026-W30;ana.ruiz@northwind.test;Demos;3\n", "1:"),
        ("a 100-hour week split over rows", $"{Header}\n2026-W30,ana.ruiz@northwind.test,,,,Demos,40\n2026-W30,ana.ruiz@northwind.test,,,,Renewals,40\n2026-W30,ana.ruiz@northwind.test,,,,Travel,20.5\n", "4:hours"),
        ("an approved week", $"{Header}\n2026-W46,ana.ruiz@northwind.test,,,,Demos,3\n", "2:week"),
        ("a NUL in a rep's name", $"{Header}\n2026-W30,ana.ruiz@northwind.test,Ana\u0000Ruiz,,,Demos,3\n", "2:rep_name"),
        ("good lines and one bad one", $"{Header}\n2026-W30,ana.ruiz@northwind.test,,,,Demos,3\n2026-W31,ana.ruiz@northwind.test,,,,Demos,x\n2026-W32,ana.ruiz@northwind.test,,,,Demos,3\n", "3:hours"),
    ];

    /// <summary>Every bad file on both databases, each its own row, so one failure does not hide the others.</summary>
    public static TheoryData<string, string> BadFileCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            foreach (var file in BadFiles)
            {
                cases.Add(provider, file.Name);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(BadFileCases))]
    public async Task A_bad_file_gets_every_problem_with_its_line_and_column_and_writes_nothing(string provider, string name)
    {
        var (_, csv, expected) = BadFiles.Single(f => f.Name == name);
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var original = await SnapshotAsync(database);

        var report = await ImportAsync(database, consultant, csv);

        report.Imported.ShouldBeFalse();
        var found = string.Join(" ", report.Errors.Select(e => $"{e.Line}:{e.Column}"));
        found.ShouldBe(expected, string.Join(" | ", report.Errors.Select(e => e.Message)));
        report.Errors.ShouldAllBe(e => e.Message.Length > 10);
        report.ErrorCount.ShouldBe(report.Errors.Count);
        (await SnapshotAsync(database)).ShouldBe(original, "nothing is written");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_file_with_a_byte_order_mark_and_headers_in_any_order_and_case_imports(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var leader = await database.MemberAsync(DemoOrganization.Name, MemberRole.Leader);
        var csv = "\uFEFFHours,Function,Rep_Email,Week,Notes\r\n3.5,post-sales,ana.ruiz@northwind.test,2026-W30,ignored\r\n";

        var report = await ImportAsync(database, leader, csv);

        report.Errors.ShouldBeEmpty();
        report.IgnoredColumns.ShouldBe(["Notes"]);
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var log = await db.TimeLogs.Where(t => t.WeekStart == new DateOnly(2026, 7, 20)).Select(t => new { t.Activity.Name, t.Hours }).SingleAsync();
        (log.Name, log.Hours).ShouldBe(("Other – PostSales", 3.5m));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Export_then_import_round_trips_exactly_and_neutralises_formulas(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var hostile = $"""
            {Header}
            2026-W30,mallory@northwind.test,"=HYPERLINK(""http://x.test"")",@Ops,Full-Cycle Rep,Demos,2
            """;
        (await ImportAsync(database, consultant, hostile)).Errors.ShouldBeEmpty();
        var exported = await ExportAsync(database, consultant);
        exported.ShouldStartWith("\uFEFFweek,rep_email,rep_name,team,role,activity,function,hours\r\n");
        exported.ShouldContain("2026-W30,mallory@northwind.test,\"'=HYPERLINK(\"\"http://x.test\"\")\",'@Ops,Full-Cycle Rep,Demos,Closing,2\r\n");

        // Into an empty organisation: the file alone re-creates the reps, teams and logs.
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            db.Organizations.Add(Organization.Create("Fabrikam"));
            await db.SaveChangesAsync();
        }
        var fabrikam = await database.MemberAsync("Fabrikam", MemberRole.Admin);
        await using (var file = new MemoryStream(Encoding.UTF8.GetBytes(exported)))
        {
            var report = await Imports(database).ImportAsync(fabrikam, file, dryRun: false);
            report.Errors.ShouldBeEmpty();
            report.RepsCreated.ShouldBe(21);
        }
        (await ExportAsync(database, fabrikam)).ShouldBe(exported);
        (await SnapshotAsync(database, "Fabrikam")).ShouldBe(await SnapshotAsync(database));

        // And back into the organisation it came from: nothing changes.
        var before = await SnapshotAsync(database);
        await using (var file = new MemoryStream(Encoding.UTF8.GetBytes(exported)))
        {
            (await Imports(database).ImportAsync(consultant, file, dryRun: false)).Errors.Select(e => e.Line).Distinct().Count().ShouldBeGreaterThan(0,
                "the demo's approved weeks are locked, so re-importing them is refused");
        }
        (await SnapshotAsync(database)).ShouldBe(before);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Managers_and_reps_cannot_import(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var manager = await database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);

        var report = await ImportAsync(database, manager, $"{Header}\n2026-W30,ana.ruiz@northwind.test,,,,Demos,3\n");

        report.Imported.ShouldBeFalse();
        report.Errors.Single().Message.ShouldContain("Only Admins, Leaders and Consultants");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_file_with_more_problems_than_are_listed_is_still_refused_whole(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var original = await SnapshotAsync(database);
        var csv = new StringBuilder(Header + "\n");
        for (var i = 0; i < 1001; i++)
        {
            csv.Append("2026-W30,ana.ruiz@northwind.test,,,,Demos,x\n");
        }
        // Past the listed problems, lines must still be checked, not passed on half-read.
        csv.Append("2026-W30,ana.ruiz@northwind.test,,,,Demos,\n2026-W30,ana.ruiz@northwind.test,,,,Juggling,2\n2026-W31,ana.ruiz@northwind.test,,,,Demos,3\n");

        var report = await ImportAsync(database, consultant, csv.ToString());

        report.Imported.ShouldBeFalse();
        report.Errors.Count.ShouldBe(TimeLogImportService.MaxErrorsListed);
        report.ErrorCount.ShouldBe(1003);
        (await SnapshotAsync(database)).ShouldBe(original);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_new_rep_joining_a_team_is_held_to_the_teams_closed_period(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            var enterprise = await db.Teams.SingleAsync(t => t.Name == "Enterprise");
            db.LockPeriods.Add(Domain.Timesheets.LockPeriod.Create(enterprise.OrganizationId, enterprise.Id, Domain.Common.IsoWeek.Parse("2026-W30"), "Morgan Blake", Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        var original = await SnapshotAsync(database);

        var report = await ImportAsync(database, consultant, $"""
            {Header}
            2026-W30,new.hire@northwind.test,New Hire,Enterprise,Full-Cycle Rep,Demos,3
            2026-W30,other.hire@northwind.test,Other Hire,Commercial,Full-Cycle Rep,Demos,3
            2026-W31,new.hire@northwind.test,,,,Demos,3
            """);

        report.Errors.Select(e => (e.Line, e.Column)).ShouldBe([(2, "week")]);
        report.Errors[0].Message.ShouldContain("closed period (locked through 2026-W30 by Morgan Blake)");
        (await SnapshotAsync(database)).ShouldBe(original);
    }
}
