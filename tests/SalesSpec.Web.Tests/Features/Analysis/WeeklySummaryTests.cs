using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Analysis.Summaries;
using SalesSpec.Web.Features.Catalogue.Services;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Features.Organizations.Services;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Features.Catalogue;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Analysis;

/// <summary>
/// The weekly summary the analysis reads equals a fresh GROUP BY of the time logs after every kind of write, in
/// random order, on both databases; and every write raises the organisation's data version.
/// </summary>
public sealed class WeeklySummaryTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    private static TimeLogImportService Imports(TestDatabase database) =>
        new(database.Access, Clock, NullLogger<TimeLogImportService>.Instance, Microsoft.Extensions.Options.Options.Create(new ImportOptions()));

    /// <summary>The time logs summed afresh per rep, week and function (what the analysis read before the summary).</summary>
    private static async Task<List<string>> GroupByAsync(TestDatabase database, string organization)
    {
        await using var db = await database.OpenAsync(organization);
        var sums = await db.TimeLogs
            .GroupBy(t => new { t.RepId, t.WeekStart, t.Activity.Function })
            .Select(g => new { g.Key.RepId, g.Key.WeekStart, g.Key.Function, Hours = g.Sum(t => t.Hours) })
            .ToListAsync();
        return sums.Where(s => s.Hours != 0m)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.RepId} {s.WeekStart:yyyy-MM-dd} {s.Function} {s.Hours:0.####}"))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The summary's rows, as the same lines; checks each row's week number and organisation on the way.</summary>
    private static async Task<List<string>> SummaryAsync(TestDatabase database, string organization)
    {
        await using var db = await database.OpenAsync(organization);
        var rows = await db.RepWeekSummaries.AsNoTracking().ToListAsync();
        var reps = await db.Reps.Select(r => r.Id).ToListAsync();
        var rogue = rows.FirstOrDefault(r => r.WeekNumber != RepWeekSummary.NumberOf(r.WeekStart) || r.OrganizationId != db.OrganizationScope || !reps.Contains(r.RepId));
        rogue.ShouldBeNull();
        // A rep-week whose logs are all gone has no row, not a row of zeros.
        var timeLogWeeks = await db.TimeLogs.Select(t => new { t.RepId, t.WeekStart }).Distinct().CountAsync();
        rows.Count.ShouldBe(timeLogWeeks);
        return rows
            .SelectMany(r => Enum.GetValues<SalesFunction>().Select(f => (r.RepId, r.WeekStart, Function: f, Hours: r.HoursOf(f))))
            .Where(s => s.Hours != 0m)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.RepId} {s.WeekStart:yyyy-MM-dd} {s.Function} {s.Hours:0.####}"))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<long> VersionAsync(TestDatabase database, string organization)
    {
        await using var db = await database.OpenAsync(organization);
        return await WeeklySummaries.VersionAsync(db, db.OrganizationScope!.Value, CancellationToken.None);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_summary_equals_a_fresh_GROUP_BY_after_random_writes_of_every_kind(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        const string org = DemoOrganization.Name;
        // The demo seed itself goes through the summary.
        (await SummaryAsync(database, org)).ShouldBe(await GroupByAsync(database, org));

        var admin = await database.MemberAsync(org, MemberRole.Admin);
        var consultant = await database.MemberAsync(org, MemberRole.Consultant);
        var weeks = new WeekService(database.Access, new WeekEntryValidator(), Clock);
        var catalogue = CatalogueServiceTests.Service(database);
        var random = new Random(20261202);
        List<(int Id, string Email)> reps;
        await using (var db = await database.OpenAsync(org))
        {
            reps = (await db.Reps.Select(r => new { r.Id, r.Email }).ToListAsync()).Select(r => (r.Id, r.Email)).OrderBy(r => r.Id).ToList();
        }
        var thisWeek = IsoWeek.Containing(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
        IsoWeek AnyWeek() => thisWeek.AddWeeks(-random.Next(0, 14));
        decimal AnyHours() => random.Next(0, 4) == 0 ? 0m : Math.Round((decimal)random.NextDouble() * 20m, random.Next(0, 5));

        var kinds = new List<string>();
        for (var step = 0; step < 24; step++)
        {
            var before = await VersionAsync(database, org);
            var logsBefore = await GroupByAsync(database, org);
            var kind = step < 6 ? step : random.Next(0, 6);
            var activities = (await catalogue.ViewAsync(admin)).Value!.Activities.Where(a => !a.Archived).ToList();
            switch (kind)
            {
                case 0 or 1:
                    // A saved week (1: saved by an Admin for the rep, as a manager's entry; some hours 0, which removes them).
                    var (repId, _) = reps[random.Next(reps.Count)];
                    var week = AnyWeek();
                    var view = await weeks.GetAsync(admin, repId, week);
                    var entry = new WeekEntry
                    {
                        Lines = activities.OrderBy(_ => random.Next()).Take(random.Next(1, 7))
                            .Select(a => new WeekEntryLine { ActivityId = a.Id, Activity = a.Name, Function = a.Function, Value = AnyHours() }).ToList(),
                    };
                    await weeks.SaveAsync(admin, repId, week, entry, view.Value?.Version, submit: kind == 1);
                    break;
                case 2:
                    // A time-log import of a few reps and weeks.
                    var csv = new StringBuilder("week,rep_email,rep_name,team,role,activity,hours\n");
                    for (var line = 0; line < random.Next(1, 30); line++)
                    {
                        csv.Append(CultureInfo.InvariantCulture, $"{AnyWeek()},{reps[random.Next(reps.Count)].Email},,,,{activities[random.Next(activities.Count)].Name},{AnyHours()}\n");
                    }
                    await using (var file = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())))
                    {
                        await Imports(database).ImportAsync(consultant, file, dryRun: false, "random.csv");
                    }
                    break;
                case 3:
                    // An activity's function changed for every week.
                    var changeable = activities.Where(a => !a.IsCatchAll).ToList();
                    var changed = changeable[random.Next(changeable.Count)];
                    var other = Enum.GetValues<SalesFunction>().Where(f => f != changed.Function).ToList();
                    var outcome = await catalogue.ChangeAsync(admin, changed.Id, new ActivityPatch(changed.Version, Function: other[random.Next(other.Count)]));
                    outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors));
                    break;
                case 4:
                    // An activity's function changed from a week on: a successor takes the later hours.
                    var moved = activities.Where(a => !a.IsCatchAll).OrderBy(_ => random.Next()).First();
                    var function = Enum.GetValues<SalesFunction>().First(f => f != moved.Function);
                    await catalogue.ChangeAsync(admin, moved.Id, new ActivityPatch(moved.Version, Function: function, FromWeek: thisWeek.AddWeeks(-random.Next(0, 3)).ToString(), SuccessorName: $"{moved.Name} {step}"));
                    break;
                default:
                    // A CRM import.
                    var rules = await new CrmRuleService(database.Access, new CrmRulesFormValidator(), TimeProvider.System).GetAsync(consultant);
                    var crm = new CrmImportService(Imports(database), new CrmRulesFormValidator(), new CrmLayoutValidator());
                    string[] files = ["calls.csv", "meetings.csv", "emails.csv", "tasks.csv"];
                    await crm.ImportAsync(consultant, files.Select(n => new CrmFile(n, () => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "fixtures", "crm", "hubspot", n)))).ToList(),
                        rules, "Full-Cycle Rep", dryRun: false);
                    break;
            }
            kinds.Add(kind.ToString(CultureInfo.InvariantCulture));

            var logsAfter = await GroupByAsync(database, org);
            (await SummaryAsync(database, org)).ShouldBe(logsAfter, $"after step {step} (kind {kind})");
            if (!logsAfter.SequenceEqual(logsBefore))
            {
                (await VersionAsync(database, org)).ShouldBeGreaterThan(before, $"step {step} (kind {kind}) changed hours without raising the data version");
            }
        }
        // Every kind ran, and some of them changed hours.
        kinds.Distinct().Count().ShouldBe(6);

        // The rebuild finds nothing to correct, and an organisation's deletion takes its summary along.
        int rows;
        await using (var db = await database.OpenAsync(org))
        {
            rows = await WeeklySummaries.RebuildAsync(db, db.OrganizationScope!.Value, CancellationToken.None);
        }
        (await SummaryAsync(database, org)).ShouldBe(await GroupByAsync(database, org));
        rows.ShouldBeGreaterThan(0);
        await using (var db = await database.OpenAsync(org))
        {
            var organizationId = db.OrganizationScope!.Value;
            var name = await db.Organizations.Select(o => o.Name).SingleAsync();
            var deleted = await new OrganizationAdminService(database.Access, database.Factory, new OrganizationFormValidator(), Clock).DeleteAsync(await database.MemberAsync(org, MemberRole.Admin), name);
            deleted.Succeeded.ShouldBeTrue(string.Join("; ", deleted.Errors));
            (await db.RepWeekSummaries.AcrossOrganizations().CountAsync(s => s.OrganizationId == organizationId)).ShouldBe(0);
            (await db.DataVersions.AcrossOrganizations().CountAsync(v => v.OrganizationId == organizationId)).ShouldBe(0);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_rebuild_command_restores_a_summary_written_around_the_app_and_raises_the_version(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var org = DemoOrganization.Name;
        var expected = await GroupByAsync(database, org);
        expected.ShouldNotBeEmpty();
        var before = await VersionAsync(database, org);
        await using (var db = await database.OpenAsync(org))
        {
            // What a hand-made fix or a partial restore does: rows gone, rows wrong, the app never told.
            var sql = new TenantSql(db, db.OrganizationScope!.Value);
            var first = await db.RepWeekSummaries.OrderBy(s => s.RepId).ThenBy(s => s.WeekStart).Select(s => new { s.RepId, s.WeekStart }).FirstAsync();
            await sql.ExecuteAsync(
                $$"""DELETE FROM "RepWeekSummaries" WHERE "OrganizationId" = {{TenantSql.Organization}} AND "RepId" = {0} AND "WeekStart" = {1}""",
                CancellationToken.None, first.RepId, first.WeekStart);
            await sql.ExecuteAsync(
                $$"""UPDATE "RepWeekSummaries" SET "ClosingE4" = "ClosingE4" + 70000 WHERE "OrganizationId" = {{TenantSql.Organization}}""", CancellationToken.None);
            (await db.RepWeekSummaries.CountAsync()).ShouldBeLessThan(await db.TimeLogs.Select(t => new { t.RepId, t.WeekStart }).Distinct().CountAsync());
        }

        (await SummaryRebuild.RunAsync(database.Services)).ShouldBe(0);

        (await SummaryAsync(database, org)).ShouldBe(expected);
        (await VersionAsync(database, org)).ShouldBeGreaterThan(before, "a rebuilt summary must not be hidden behind cached analyses of the old one");
    }
}
