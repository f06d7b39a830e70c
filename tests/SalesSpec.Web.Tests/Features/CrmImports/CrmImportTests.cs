using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Crm;
using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.CrmImports;

/// <summary>CRM exports imported as time logs on both real databases: the expected hours, idempotent, all or nothing.</summary>
public sealed class CrmImportTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private const string Olivia = "olivia.patel@northwind.test";
    private const string Quinn = "quinn.harper@northwind.test";

    private static CrmFile Fixture(string folder, string name) =>
        new(name, () => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "fixtures", "crm", folder, name)));

    private static CrmFile Text(string name, string content) => CrmFile.FromText(name, content);

    private static IReadOnlyList<CrmFile> Salesforce => [Fixture("salesforce", "Task.csv"), Fixture("salesforce", "Event.csv"), Fixture("salesforce", "User.csv")];

    private static CrmRuleService Rules(TestDatabase database) => new(database.Access, new CrmRulesFormValidator(), Clock);

    private static CrmImportService Imports(TestDatabase database) =>
        new(new TimeLogImportService(database.Access, Clock, NullLogger<TimeLogImportService>.Instance, Microsoft.Extensions.Options.Options.Create(new ImportOptions())), new CrmRulesFormValidator(), new CrmLayoutValidator());

    private static async Task<CrmImportReport> ImportAsync(TestDatabase database, MemberAccess member, IReadOnlyList<CrmFile> files, string? role = "Account Manager", bool dryRun = false, CrmRulesForm? rules = null) =>
        await Imports(database).ImportAsync(member, files, rules ?? await Rules(database).GetAsync(member), role, dryRun);

    private static async Task<string> LogsAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var logs = await db.TimeLogs.AsNoTracking()
            .Select(t => new { t.Rep.Email, t.WeekStart, Activity = t.Activity.Name, t.Hours })
            .ToListAsync();
        return string.Join("\n", logs.Select(l => $"{l.Email} {l.WeekStart:yyyy-MM-dd} {l.Activity} {l.Hours:0.####}").Order(StringComparer.Ordinal));
    }

    private static async Task<Dictionary<string, decimal>> WeekAsync(TestDatabase database, string email, DateOnly monday)
    {
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        return await db.TimeLogs.AsNoTracking()
            .Where(t => t.Rep.Email == email && t.WeekStart == monday)
            .Select(t => new { t.Activity.Name, t.Hours })
            .ToDictionaryAsync(t => t.Name, t => t.Hours);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_Salesforce_export_becomes_time_logs_and_re_importing_it_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var oliviaW46Before = await WeekAsync(database, Olivia, new DateOnly(2026, 11, 9));

        var report = await ImportAsync(database, consultant, Salesforce);

        report.Import.Errors.ShouldBeEmpty();
        report.Import.Imported.ShouldBeTrue();
        (report.RecordsRead, report.RecordsMatched, report.SkippedCount).ShouldBe((22, 14, 8));
        (report.Import.RepsCreated, report.Import.WeeksReplaced, report.Import.WeeksWithEarlierData).ShouldBe((1, 3, 1));
        report.Import.NewReps.ShouldBe([new ImportedRep(Quinn, "Quinn Harper", null, "Account Manager")]);
        (await WeekAsync(database, Olivia, new DateOnly(2026, 11, 16))).ShouldBe(new Dictionary<string, decimal>
        {
            ["Qualify inbound leads"] = 0.25m, // 15 min + a 0-second call that counts 0
            ["Respond to web inquiries"] = 0.0833m,
            ["Proposals and negotiation"] = 0.0833m,
            ["Cold calls"] = 0.1667m,
            ["Outbound email sequences"] = 0.0833m,
            ["Renewals"] = 0.25m,
            ["Demos"] = 1m,
            ["Discovery calls"] = 0.75m,
            ["Internal meetings"] = 0.5m,
        }, ignoreOrder: true);
        (await WeekAsync(database, Quinn, new DateOnly(2026, 11, 9))).ShouldBe(new Dictionary<string, decimal>
        {
            ["Account reviews"] = 0.3333m,
            ["Support escalations"] = 0.25m,
            ["Onboarding"] = 2m,
        }, ignoreOrder: true);
        // Weeks the export does not cover stay as they were.
        (await WeekAsync(database, Olivia, new DateOnly(2026, 11, 9))).ShouldBe(oliviaW46Before, ignoreOrder: true);
        var quinnRep = report.Reps.Single(r => r.Email == Quinn);
        (quinnRep.IsNew, quinnRep.Weeks, quinnRep.Hours).ShouldBe((true, 2, 3.58m));
        quinnRep.HoursPerWeekByFunction[SalesFunction.PostSales].ShouldBe(1.79m);
        report.Rules.Single(r => r.Condition == "attached to Lead").ShouldSatisfyAllConditions(r => r.Records.ShouldBe(2), r => r.Activity.ShouldBe("Qualify inbound leads"));
        var afterFirst = await LogsAsync(database);

        var again = await ImportAsync(database, consultant, Salesforce);

        again.Import.Imported.ShouldBeTrue();
        (again.Import.RepsCreated, again.Import.WeeksReplaced, again.Import.WeeksWithEarlierData).ShouldBe((0, 3, 3));
        (await LogsAsync(database)).ShouldBe(afterFirst);
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        (await db.AuditEntries.CountAsync(a => a.Action == "Imported" && a.Summary.StartsWith("imported CRM activity from 'Task.csv', 'Event.csv', 'User.csv': 22 records"))).ShouldBe(2);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_layout_kept_after_an_import_reads_the_next_such_file_by_itself_and_stays_in_its_organisation(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            db.Organizations.Add(Organization.Create("Fabrikam"));
            await db.SaveChangesAsync();
        }
        var outsider = await database.MemberAsync("Fabrikam", MemberRole.Consultant);
        var rules = Rules(database);
        var file = Text("aktivitaeten.csv", $"Mitarbeiter;Datum;Dauer (Std.);Betreff;Art\n{Olivia};17.11.2026;1,5;Demo Acme;Termin\n{Olivia};18.11.2026;0,25;Cold call Initech;Anruf\n");
        var layout = new CrmLayout { Name = "Acme Aktivitäten", Owner = "Mitarbeiter", Date = "Datum", Duration = "Dauer (Std.)", DurationUnit = CrmDurationUnit.Hours, Subject = "Betreff" };

        // Saved twice under one name: the second word replaces the first (the type column is added).
        await rules.RememberAsync(consultant, new CrmImportChoices { Layout = layout with { Subject = null } });
        await rules.RememberAsync(consultant, new CrmImportChoices { Layout = layout with { Type = "Art" } });
        var remembered = await rules.RememberedAsync(consultant);
        var report = await Imports(database).ImportAsync(consultant, [file], await rules.GetAsync(consultant), "Account Executive", dryRun: true, new CrmImportChoices().Over(remembered));

        remembered.SavedLayouts.ShouldBe([layout with { Type = "Art" }]);
        (await rules.LayoutsAsync(outsider)).ShouldBeEmpty();
        (await rules.RememberedAsync(outsider)).SavedLayouts.ShouldBeEmpty();
        report.Import.Errors.ShouldBeEmpty();
        report.Files.Single().Layout.ShouldBe("Acme Aktivitäten");
        report.WeeklyHours.Select(w => (w.Email, w.Week, w.Activity, w.Hours)).ShouldBe([(Olivia, "2026-W47", "Demos", 1.5m), (Olivia, "2026-W47", "Cold calls", 0.25m)], ignoreOrder: true);
        await using var check = await database.OpenAsync(DemoOrganization.Name);
        (await check.CrmSavedLayouts.CountAsync()).ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Utc_timestamps_count_in_the_week_of_the_organisations_time_zone(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        // Quinn is new: none of their weeks is approved yet.
        // Sunday 15 November 19:00 in Los Angeles (week 46) is Monday 03:00 UTC (week 47); the second demo is Monday there too.
        IReadOnlyList<CrmFile> files =
        [
            Text("Event.csv", "\"Id\",\"OwnerId\",\"WhatId\",\"Subject\",\"StartDateTime\",\"EndDateTime\"\n" +
                "\"00U1\",\"u1\",\"0065e00000P0001AAA\",\"Demo\",\"2026-11-16T03:00:00.000Z\",\"2026-11-16T04:00:00.000Z\"\n" +
                "\"00U2\",\"u1\",\"0065e00000P0001AAA\",\"Demo\",\"2026-11-16T18:00:00.000Z\",\"2026-11-16T18:30:00.000Z\"\n"),
            Text("User.csv", $"\"Id\",\"Email\",\"Name\"\n\"u1\",\"{Quinn}\",\"Quinn Harper\"\n"),
        ];
        var inUtc = await ImportAsync(database, consultant, files, dryRun: true);
        inUtc.WeeklyHours.Select(w => (w.Week, w.Activity, w.Hours)).ShouldBe([("2026-W47", "Demos", 1.5m)]);

        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            var organization = await db.Organizations.SingleAsync();
            organization.ChangeLocale("America/Los_Angeles", organization.Currency);
            await db.SaveChangesAsync();
        }
        var report = await ImportAsync(database, consultant, files);

        report.Import.Errors.ShouldBeEmpty();
        report.Import.Imported.ShouldBeTrue();
        report.WeeklyHours.Select(w => (w.Week, w.Activity, w.Hours)).ShouldBe([("2026-W46", "Demos", 1m), ("2026-W47", "Demos", 0.5m)], ignoreOrder: true);
        (await WeekAsync(database, Quinn, new DateOnly(2026, 11, 9))).ShouldBe(new Dictionary<string, decimal> { ["Demos"] = 1m });
        (await WeekAsync(database, Quinn, new DateOnly(2026, 11, 16))).ShouldBe(new Dictionary<string, decimal> { ["Demos"] = 0.5m });
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task HubSpot_owners_given_by_name_are_matched_to_reps(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var leader = await database.MemberAsync(DemoOrganization.Name, MemberRole.Leader);
        string[] names = ["calls.csv", "meetings.csv", "emails.csv", "tasks.csv"];

        var report = await ImportAsync(database, leader, names.Select(n => Fixture("hubspot", n)).ToList(), role: "Full-Cycle Rep");

        report.Import.Errors.ShouldBeEmpty();
        report.Import.NewReps.ShouldBe([new ImportedRep("ravi.shah@northwind.test", "Ravi Shah", null, "Full-Cycle Rep")]);
        (await WeekAsync(database, "kara.lopez@northwind.test", new DateOnly(2026, 11, 16))).ShouldBe(new Dictionary<string, decimal>
        {
            ["Respond to web inquiries"] = 0.2m,
            ["Discovery calls"] = 0.0833m,
            ["Cold calls"] = 0.1667m,
            ["Demos"] = 1m,
            ["Proposals and negotiation"] = 0.0833m,
        }, ignoreOrder: true);
        report.Skipped.ShouldBe(new Dictionary<CrmSkipReason, int>
        {
            [CrmSkipReason.UnknownOwner] = 1,
            [CrmSkipReason.CanceledMeeting] = 1,
            [CrmSkipReason.NoRuleMatched] = 1,
            [CrmSkipReason.OpenTask] = 1,
        }, ignoreOrder: true);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task HubSpot_owners_nobody_knows_are_listed_refused_on_import_and_imported_once_mapped(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var before = await LogsAsync(database);
        var calls = Text("hubspot-calls.csv",
            "Record ID,Activity assigned to,Activity date,Call duration (HH:mm:ss),Call Title\n" +
            "116574000101,Zoë Brandt,2026-11-16 09:00,0:30:00,Cold call Acme\n" +
            "116574000102,Zoë Brandt,2026-11-17 09:00,0:15:00,Cold call Initech\n" +
            "116574000103,Tom Ekberg,2026-11-17 10:00,1:00:00,Cold call Globex\n");

        var preview = await Imports(database).ImportAsync(consultant, [calls], await Rules(database).GetAsync(consultant), "Full-Cycle Rep", dryRun: true);
        preview.Import.ErrorCount.ShouldBe(0);
        preview.UnmatchedOwners.ShouldBe([new CrmOwnerCount("Zoë Brandt", 2), new CrmOwnerCount("Tom Ekberg", 1)]);
        preview.Skipped.ShouldBe(new Dictionary<CrmSkipReason, int> { [CrmSkipReason.UnknownOwner] = 3 });

        var refused = await ImportAsync(database, consultant, [calls], role: "Full-Cycle Rep");
        refused.Import.Imported.ShouldBeFalse();
        refused.Import.Errors.Select(e => e.Message).ShouldBe(
        [
            "No record in hubspot-calls.csv has an owner SalesSpec knows: the owners ('Zoë Brandt', 'Tom Ekberg') are not reps of the organisation. Add the users export (HubSpot: Settings › Users & Teams › Export users; Salesforce: User.csv), or map each owner to a rep in the preview.",
        ]);
        (await LogsAsync(database)).ShouldBe(before);

        var choices = new CrmImportChoices
        {
            OwnerMap = new Dictionary<string, CrmOwner>(StringComparer.OrdinalIgnoreCase) { ["zoë brandt"] = new("zoe.brandt@northwind.test", "Zoë Brandt") },
        };
        var mapped = await Imports(database).ImportAsync(consultant, [calls], await Rules(database).GetAsync(consultant), "Full-Cycle Rep", dryRun: false, choices);
        mapped.Import.Errors.ShouldBeEmpty();
        mapped.Import.NewReps.ShouldBe([new ImportedRep("zoe.brandt@northwind.test", "Zoë Brandt", null, "Full-Cycle Rep")]);
        mapped.UnmatchedOwners.ShouldBe([new CrmOwnerCount("Tom Ekberg", 1)]);
        // The unit in the header counts: 30 + 15 minutes, not two standard 10-minute calls.
        (await WeekAsync(database, "zoe.brandt@northwind.test", new DateOnly(2026, 11, 16))).ShouldBe(new Dictionary<string, decimal> { ["Cold calls"] = 0.75m });
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_preview_a_bad_file_or_a_missing_role_writes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var before = await LogsAsync(database);

        var preview = await ImportAsync(database, consultant, Salesforce, dryRun: true);
        var noRole = await ImportAsync(database, consultant, Salesforce, role: null);
        var badEvent = Text("Event.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDateTime\",\"DurationInMinutes\"\n\"00U1\",\"0055e000001AbCdAAK\",\"Demo\",\"2026.11.18\",\"60\"\n");
        var bad = await ImportAsync(database, consultant, [Fixture("salesforce", "Task.csv"), badEvent, Fixture("salesforce", "User.csv")]);

        (preview.Import.Imported, preview.Import.ErrorCount, preview.Import.WeeksReplaced, preview.Import.RepsCreated).ShouldBe((false, 0, 3, 1));
        preview.Import.HoursByFunction[SalesFunction.Closing].ShouldBe(1.8333m);
        noRole.Import.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("1 of the activity owners are not reps of the organisation yet (quinn.harper@northwind.test); choose the role");
        bad.Import.Errors.ShouldHaveSingleItem().ShouldBe(new ImportError(2, "ActivityDateTime", "'2026.11.18' is not a date. Use 2026-11-18, 2026-11-18 14:30, 2026-11-18T14:30:00Z, 18/11/2026 or Unix milliseconds.", "Event.csv"));
        (await LogsAsync(database)).ShouldBe(before);
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        (await db.Reps.AnyAsync(r => r.Email == Quinn)).ShouldBeFalse();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_approved_week_or_more_than_100_hours_is_refused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var users = Fixture("salesforce", "User.csv");
        // Olivia's week 46 is approved; Quinn's 22-hour meetings every day of a week come to 110 hours.
        var approved = Text("Event.csv", """
            "Id","OwnerId","WhatId","Subject","ActivityDateTime","DurationInMinutes"
            "00U1","0055e000001AbCdAAK","0065e00000P0001AAA","Demo","2026-11-10T09:00:00.000Z","60"
            """);
        var tooMuch = Text("Event.csv", string.Join("\n", Enumerable.Repeat("\"Id\",\"OwnerId\",\"WhatId\",\"Subject\",\"ActivityDateTime\",\"DurationInMinutes\"", 1)
            .Concat(Enumerable.Range(0, 5).Select(d => $"\"00U{d}\",\"0055e000001AbCeAAK\",\"0065e00000P0001AAA\",\"Demo\",\"2026-11-{16 + d}T00:00:00.000Z\",\"1320\""))));

        var locked = await ImportAsync(database, consultant, [approved, users]);
        var over = await ImportAsync(database, consultant, [tooMuch, users]);

        locked.Import.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("Rep olivia.patel@northwind.test's week 2026-W46 is approved and locked");
        over.Import.Errors.ShouldHaveSingleItem().Message.ShouldBe("Rep quinn.harper@northwind.test's week 2026-W47 comes to 110 hours from 5 records, more than 100; check the durations in the export, or the standard minutes.");
        (locked.Import.Imported || over.Import.Imported).ShouldBeFalse();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Saved_rules_are_used_and_a_stale_save_is_refused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var defaults = await Rules(database).GetAsync(consultant);
        defaults.Version.ShouldBe(0);
        defaults.Rules.Count.ShouldBe(CrmRuleSet.DefaultRules.Count);

        // "Update CRM notes" and the lunch with a prospect were unmatched; a last rule books the rest as CRM and admin.
        var mine = defaults.Copy();
        mine.Rules.Add(new CrmRuleRow { Type = CrmActivityType.Call, States = "Outbound, no answer", Activity = "Cold calls" });
        mine.Rules.Add(new CrmRuleRow { Activity = "CRM and admin" });
        mine.EmailMinutes = 3;
        var theirs = defaults.Copy();
        theirs.TaskMinutes = 20;
        var saved = await Rules(database).SaveAsync(consultant, mine);
        var stale = await Rules(database).SaveAsync(admin, theirs);

        saved.ShouldBe(new CrmRulesSaveResult(true, 1, []));
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            // Through the audit trail every organisation change goes through: one entry, the stale save left none.
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(CrmRuleSet)).ToListAsync();
            audit.ShouldHaveSingleItem().Action.ShouldBe("Created");
            audit[0].Summary.ShouldContain("CRM and admin");
        }
        stale.Conflict.ShouldBeTrue();
        stale.Problems.ShouldHaveSingleItem().ShouldStartWith("Someone else saved the rules");
        var reloaded = await Rules(database).GetAsync(admin);
        (reloaded.Version, reloaded.Rules.Count, reloaded.EmailMinutes, reloaded.TaskMinutes).ShouldBe((1, CrmRuleSet.DefaultRules.Count + 2, 3, 15));
        reloaded.Rules[2].Keywords.ShouldBe("renewal");
        reloaded.Rules[^2].States.ShouldBe("Outbound, no answer");

        var report = await ImportAsync(database, consultant, Salesforce, dryRun: true);

        report.Skipped.GetValueOrDefault(CrmSkipReason.NoRuleMatched).ShouldBe(0);
        report.WeeklyHours.Single(w => w.Email == Olivia && w.Activity == "CRM and admin").Hours.ShouldBe(1.75m); // 15 min task + 90 min lunch
        report.WeeklyHours.Single(w => w.Email == Olivia && w.Activity == "Respond to web inquiries").Hours.ShouldBe(0.05m); // a 3-minute email
    }

    [Fact]
    public void Rules_that_cannot_work_are_refused_with_their_position()
    {
        var form = new CrmRulesForm
        {
            Activities = ["Demos", "CRM and admin"],
            Rules =
            [
                new CrmRuleRow { Activity = "CRM and admin" },
                new CrmRuleRow { Type = CrmActivityType.Meeting, Keywords = "demo", Activity = "Dance" },
                new CrmRuleRow { Keywords = new string('x', 61), Activity = "" },
            ],
            CallMinutes = 10,
            EmailMinutes = -1,
            MeetingMinutes = 30,
            TaskMinutes = 481,
        };

        var errors = new CrmRulesFormValidator().Validate(form).Errors.Select(e => e.ErrorMessage).ToList();

        errors.ShouldBe(
        [
            "Rule 1 has no condition, so it takes every record and the rules after it never apply; give it a condition or move it to the end.",
            "Rule 2: 'Dance' is not one of the organisation's activities.",
            "Rule 3: choose the activity its records go to.",
            "Rule 3: 'xxxxxxxxxxxxxxxxxxxx…' is longer than 60 characters.",
            "'Email minutes' must be between 0 and 480. You entered -1.",
            "'Task minutes' must be between 0 and 480. You entered 481.",
        ]);
    }

    [Fact]
    public void A_name_is_made_from_an_address_when_the_export_gives_none()
    {
        CrmImportService.NameFromEmail("ravi.shah@northwind.test").ShouldBe("Ravi Shah");
        CrmImportService.NameFromEmail("j_doe-smith@x.test").ShouldBe("J Doe Smith");
    }
}
