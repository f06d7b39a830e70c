using Microsoft.EntityFrameworkCore;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Catalogue.Services;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Catalogue;

/// <summary>The activity catalogue on both databases: order, names, archive, and a change of function for every week or from a week on.</summary>
public sealed class CatalogueServiceTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    public static CatalogueService Service(TestDatabase database) =>
        new(database.Access, new NewActivityValidator(), new ActivityPatchValidator(), Clock);

    private static async Task<CatalogueRow> RowAsync(TestDatabase database, MemberAccess admin, string name) =>
        (await Service(database).ViewAsync(admin)).Value!.Activities.Single(a => a.Name == name);

    /// <summary>Hours per function, summed afresh by the database; <paramref name="from"/> limits it to that week on.</summary>
    private static async Task<Dictionary<SalesFunction, decimal>> HoursByFunctionAsync(TestDatabase database, IsoWeek? from = null, IsoWeek? before = null)
    {
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var start = from?.Monday ?? DateOnly.MinValue;
        var end = before?.Monday ?? DateOnly.MaxValue;
        return await db.TimeLogs.Where(t => t.WeekStart >= start && t.WeekStart < end)
            .GroupBy(t => t.Activity.Function)
            .Select(g => new { g.Key, Hours = g.Sum(t => t.Hours) })
            .ToDictionaryAsync(g => g.Key, g => g.Hours);
    }

    private static async Task<decimal> HoursOfAsync(TestDatabase database, string activity, IsoWeek? from = null, IsoWeek? before = null)
    {
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var start = from?.Monday ?? DateOnly.MinValue;
        var end = before?.Monday ?? DateOnly.MaxValue;
        return await db.TimeLogs.Where(t => t.Activity.Name == activity && t.WeekStart >= start && t.WeekStart < end).SumAsync(t => t.Hours);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_catalogue_lists_activities_in_order_with_their_hours_and_plain_names(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var leader = await database.MemberAsync(DemoOrganization.Name, MemberRole.Leader);

        var view = (await Service(database).ViewAsync(leader)).Value!;

        (view.From, view.To, view.MayEdit).ShouldBe(("2026-W36", "2026-W47", false));
        view.Activities.Select(a => a.SortOrder).ShouldBe(view.Activities.Select(a => a.SortOrder).Order());
        view.Activities.Count.ShouldBe(23);
        var demos = view.Activities.Single(a => a.Name == "Demos");
        demos.Hours.ShouldBe(await HoursOfAsync(database, "Demos"));
        demos.Hours.ShouldBeGreaterThan(0m);
        var other = view.Activities.Single(a => a.Name == "Other – InboundQualification");
        (other.DisplayName, other.IsCatchAll).ShouldBe(("Other – Inbound qualification", true));

        var rep = await database.MemberAsync(DemoOrganization.Name, MemberRole.Rep);
        (await Service(database).ViewAsync(rep)).Kind.ShouldBe(OutcomeKind.Forbidden);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_adds_renames_moves_archives_and_restores_activities(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var service = Service(database);

        var added = await service.AddAsync(admin, new NewActivity { Name = " Partner calls ", Function = SalesFunction.OutboundProspecting });
        added.Kind.ShouldBe(OutcomeKind.Done);
        (added.Value!.Name, added.Value.SortOrder, added.Value.Version).ShouldBe(("Partner calls", 23, 1));
        (await service.AddAsync(admin, new NewActivity { Name = "partner CALLS", Function = SalesFunction.Closing })).Errors
            .ShouldBe(["There is already an activity named 'partner CALLS'."]);
        (await service.AddAsync(admin, new NewActivity { Name = "Bad\tname" })).Errors.ShouldBe([Components.Shared.TextRules.ControlCharacterMessage]);

        var demos = await RowAsync(database, admin, "Demos");
        var renamed = await service.ChangeAsync(admin, demos.Id, new ActivityPatch(demos.Version, Name: "Product demos"));
        (renamed.Value!.Name, renamed.Value.Version).ShouldBe(("Product demos", demos.Version + 1));
        (await service.ChangeAsync(admin, demos.Id, new ActivityPatch(renamed.Value.Version, Name: "cold calls"))).Errors
            .ShouldBe(["There is already an activity named 'cold calls'."]);

        var discovery = await RowAsync(database, admin, "Discovery calls");
        var up = await service.ChangeAsync(admin, demos.Id, new ActivityPatch(renamed.Value.Version, SortOrder: discovery.SortOrder));
        up.Value!.SortOrder.ShouldBe(discovery.SortOrder);
        (await RowAsync(database, admin, "Discovery calls")).SortOrder.ShouldBe(discovery.SortOrder + 1);
        var order = (await service.ViewAsync(admin)).Value!.Activities;
        order.Select(a => a.SortOrder).ShouldBe(Enumerable.Range(0, 24));

        var archived = await service.ChangeAsync(admin, demos.Id, new ActivityPatch(up.Value.Version, Archived: true));
        archived.Value!.Archived.ShouldBeTrue();
        (await service.ChangeAsync(admin, demos.Id, new ActivityPatch(archived.Value.Version, Archived: false))).Value!.Archived.ShouldBeFalse();

        var other = await RowAsync(database, admin, "Other – Closing");
        (await service.ChangeAsync(admin, other.Id, new ActivityPatch(other.Version, Name: "Misc"))).Errors.Single().ShouldContain("keeps its name");
        (await service.ChangeAsync(admin, other.Id, new ActivityPatch(other.Version, Archived: true))).Errors.Single().ShouldContain("cannot be archived");
        (await service.ChangeAsync(admin, other.Id, new ActivityPatch(other.Version, Function: SalesFunction.PostSales))).Errors.Single().ShouldContain("for good");
        (await service.ChangeAsync(admin, 999_999, new ActivityPatch(1, Name: "x"))).Kind.ShouldBe(OutcomeKind.NotFound);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_function_change_for_all_weeks_recounts_the_past_weeks(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var analysis = new AnalysisService(database.Access, Clock);
        var (from, to) = analysis.DefaultPeriod(admin);
        var before = await HoursByFunctionAsync(database);
        var demoHours = await HoursOfAsync(database, "Demos");
        var analysedBefore = (await analysis.AnalyzeAsync(admin, from, to)).Result!;
        var demos = await RowAsync(database, admin, "Demos");

        var changed = await Service(database).ChangeAsync(admin, demos.Id, new ActivityPatch(demos.Version, Function: SalesFunction.PostSales));

        changed.Value!.Function.ShouldBe(SalesFunction.PostSales);
        var after = await HoursByFunctionAsync(database);
        after[SalesFunction.Closing].ShouldBe(before[SalesFunction.Closing] - demoHours);
        after[SalesFunction.PostSales].ShouldBe(before[SalesFunction.PostSales] + demoHours);
        after[SalesFunction.InboundQualification].ShouldBe(before[SalesFunction.InboundQualification]);
        // The analysis reads the function through the activity: the same weeks now count less closing.
        var analysedAfter = (await analysis.AnalyzeAsync(admin, from, to)).Result!;
        analysedAfter.ShouldNotBe(analysedBefore);
        System.Text.Json.JsonSerializer.Serialize(analysedAfter).ShouldNotBe(System.Text.Json.JsonSerializer.Serialize(analysedBefore));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_function_change_from_a_week_on_keeps_earlier_weeks_and_moves_later_ones_to_a_successor(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        // The demo's earlier weeks are approved; last week (2026-W47) waits for review, so it may still move.
        var week = IsoWeek.Parse("2026-W47");
        var earlier = await HoursByFunctionAsync(database, before: week);
        var later = await HoursByFunctionAsync(database, from: week);
        var demosLater = await HoursOfAsync(database, "Demos", from: week);
        var demosEarlier = await HoursOfAsync(database, "Demos", before: week);
        demosLater.ShouldBeGreaterThan(0m);
        demosEarlier.ShouldBeGreaterThan(0m);
        var demos = await RowAsync(database, admin, "Demos");

        var successor = await Service(database).ChangeAsync(admin, demos.Id,
            new ActivityPatch(demos.Version, Function: SalesFunction.PostSales, FromWeek: "2026-W47"));

        successor.Kind.ShouldBe(OutcomeKind.Done, successor.Message);
        (successor.Value!.Name, successor.Value.Function, successor.Value.SortOrder, successor.Value.Archived)
            .ShouldBe(("Demos (from 2026-W47)", SalesFunction.PostSales, demos.SortOrder + 1, false));
        var old = await RowAsync(database, admin, "Demos");
        (old.Function, old.Archived, old.Version).ShouldBe((SalesFunction.Closing, true, demos.Version + 1));
        (await HoursOfAsync(database, "Demos")).ShouldBe(demosEarlier);
        (await HoursOfAsync(database, "Demos (from 2026-W47)")).ShouldBe(demosLater);
        (await HoursOfAsync(database, "Demos (from 2026-W47)", before: week)).ShouldBe(0m);
        (await HoursByFunctionAsync(database, before: week)).ShouldBe(earlier, ignoreOrder: true);
        var laterAfter = await HoursByFunctionAsync(database, from: week);
        laterAfter[SalesFunction.Closing].ShouldBe(later[SalesFunction.Closing] - demosLater);
        laterAfter[SalesFunction.PostSales].ShouldBe(later[SalesFunction.PostSales] + demosLater);
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        (await db.AuditEntries.CountAsync(e => e.Summary.Contains("Demos (from 2026-W47)") && e.Summary.Contains("time-log rows moved"))).ShouldBe(1);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_successor_is_refused_for_weeks_that_are_closed_or_approved(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var demos = await RowAsync(database, admin, "Demos");
        var hours = await HoursOfAsync(database, "Demos");
        // The demo's weeks before 2026-W47 are approved.
        var approved = await Service(database).ChangeAsync(admin, demos.Id, new ActivityPatch(demos.Version, Function: SalesFunction.PostSales, FromWeek: "2026-W42"));
        approved.Kind.ShouldBe(OutcomeKind.Invalid);
        approved.Message.ShouldBe("Ana Ruiz's week 2026-W42 is approved and has hours on this activity; choose a later week, or ask a manager to reopen that week first.");
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            db.LockPeriods.Add(LockPeriod.Create(admin.OrganizationId, null, IsoWeek.Parse("2026-W47"), "Lee Leader", Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var refused = await Service(database).ChangeAsync(admin, demos.Id, new ActivityPatch(demos.Version, Function: SalesFunction.PostSales, FromWeek: "2026-W47"));

        refused.Kind.ShouldBe(OutcomeKind.Invalid);
        refused.Message.ShouldStartWith("Weeks up to 2026-W47 are closed (by Lee Leader)");
        (await RowAsync(database, admin, "Demos")).ShouldBe(demos);
        (await HoursOfAsync(database, "Demos")).ShouldBe(hours);
        (await Service(database).ViewAsync(admin)).Value!.Activities.Count.ShouldBe(23);

        var allowed = await Service(database).ChangeAsync(admin, demos.Id, new ActivityPatch(demos.Version, Function: SalesFunction.PostSales, FromWeek: "2026-W48"));
        allowed.Kind.ShouldBe(OutcomeKind.Done, allowed.Message);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_stale_version_gets_a_conflict_and_nothing_is_written(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var service = Service(database);
        var demos = await RowAsync(database, admin, "Demos");
        (await service.ChangeAsync(admin, demos.Id, new ActivityPatch(demos.Version, Name: "Product demos"))).Kind.ShouldBe(OutcomeKind.Done);

        var stale = await service.ChangeAsync(admin, demos.Id, new ActivityPatch(demos.Version, Function: SalesFunction.PostSales, FromWeek: "2026-W42"));
        var staleRename = await service.ChangeAsync(admin, demos.Id, new ActivityPatch(demos.Version, Name: "Mine"));

        stale.Kind.ShouldBe(OutcomeKind.Conflict);
        staleRename.Kind.ShouldBe(OutcomeKind.Conflict);
        stale.Message.ShouldStartWith("Someone else changed Product demos meanwhile");
        var now = await RowAsync(database, admin, "Product demos");
        (now.Function, now.Archived, now.Version).ShouldBe((SalesFunction.Closing, false, demos.Version + 1));
        (await service.ViewAsync(admin)).Value!.Activities.Count.ShouldBe(23);
        (await service.ChangeAsync(admin, demos.Id, new ActivityPatch(null, Name: "x"))).Errors.ShouldBe(["Send the version you read (GET the catalogue first)."]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Only_admins_change_the_catalogue_and_not_while_the_organisation_is_archived(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = Service(database);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var demos = await RowAsync(database, admin, "Demos");
        foreach (var role in new[] { MemberRole.Leader, MemberRole.Manager, MemberRole.Rep, MemberRole.Consultant })
        {
            var member = await database.MemberAsync(DemoOrganization.Name, role);
            (await service.AddAsync(member, new NewActivity { Name = "Mine" })).Errors.ShouldBe([CatalogueService.NotAllowed]);
            (await service.ChangeAsync(member, demos.Id, new ActivityPatch(demos.Version, Name: "Mine"))).Kind.ShouldBe(OutcomeKind.Forbidden);
        }
        var archived = admin with { IsArchived = true };
        (await service.ChangeAsync(archived, demos.Id, new ActivityPatch(demos.Version, Name: "Mine"))).Message.ShouldContain("is archived");
        (await service.ViewAsync(archived)).Value!.MayEdit.ShouldBeFalse();
        (await RowAsync(database, admin, "Demos")).ShouldBe(demos);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_archived_activity_is_offered_only_in_weeks_that_have_hours_on_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var olivia = await database.RepIdAsync(DemoOrganization.Name, DemoAccounts.RepEmail);
        var lastWeek = IsoWeek.Parse("2026-W47");
        string used;
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            used = await db.TimeLogs.Where(t => t.RepId == olivia && t.WeekStart == lastWeek.Monday && !t.Activity.IsCatchAll)
                .OrderBy(t => t.Activity.Name).Select(t => t.Activity.Name).FirstAsync();
        }
        var row = await RowAsync(database, admin, used);
        (await Service(database).ChangeAsync(admin, row.Id, new ActivityPatch(row.Version, Archived: true))).Kind.ShouldBe(OutcomeKind.Done);
        var weeks = new WeekService(database.Access, new WeekEntryValidator(), Clock);

        (await weeks.GetAsync(admin, olivia, lastWeek)).Value!.Activities.Select(a => a.Name).ShouldContain(used);
        var next = (await weeks.GetAsync(admin, olivia, lastWeek.AddWeeks(1))).Value!;
        next.Activities.Select(a => a.Name).ShouldNotContain(used);
        next.Activities.Count.ShouldBe(22);

        var entry = new WeekEntry { CapacityHours = 40m, Lines = [new WeekEntryLine { ActivityId = row.Id, Activity = used, Value = 5m }] };
        var refused = await weeks.SaveAsync(admin, olivia, lastWeek.AddWeeks(1), entry, null);
        refused.Succeeded.ShouldBeFalse();
        refused.Message.ShouldBe($"'{used}' is archived: log the hours on another activity.");
    }
}
