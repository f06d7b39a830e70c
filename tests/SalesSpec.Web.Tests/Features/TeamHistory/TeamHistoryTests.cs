using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesSpec.Domain.Common;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Features.People.Services;
using SalesSpec.Web.Features.Teams;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Features.People;
using SalesSpec.Web.Tests.Features.Teams;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.TeamHistory;

/// <summary>
/// A rep's team history on both databases: moved from Commercial to Enterprise in week W, their weeks before W
/// follow Commercial (locks, team weeks, team analysis) and their weeks from W on follow Enterprise.
/// </summary>
public sealed class TeamHistoryTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private static readonly IsoWeek ThisWeek = IsoWeek.Of(2026, 48);
    private static readonly IsoWeek LastWeek = IsoWeek.Of(2026, 47);
    private static readonly IsoWeek Moved = IsoWeek.Of(2026, 45);
    private const string Olivia = DemoAccounts.RepEmail;

    private sealed record Setup(
        TestDatabase Database, PeopleService People, WeekService Weeks, TeamWeekService TeamWeeks, MemberAccess Admin, MemberAccess Rep,
        int OliviaId, int Commercial, int Enterprise) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static async Task<Setup> StartAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var weeks = new WeekService(database.Access, new WeekEntryValidator(), Clock);
        var teamWeeks = new TeamWeekService(database.Access, weeks, new MailOutbox(new EmailSender(Options.Create(new SmtpOptions())), Clock), Clock);
        var people = PeopleServiceTests.Service(database);
        var admin = await database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var options = await people.OptionsAsync(admin);
        return new Setup(
            database, people, weeks, teamWeeks, admin,
            await database.MemberOfAsync("rep@demo.salesspec", DemoOrganization.Name),
            await database.RepIdAsync(DemoOrganization.Name, Olivia),
            options.Teams.Single(t => t.Name == "Commercial").Id,
            options.Teams.Single(t => t.Name == "Enterprise").Id);
    }

    private static async Task<Outcome<RepDocument>> MoveOliviaAsync(Setup s, int? teamId, string? from)
    {
        var olivia = (await s.People.GetAsync(s.Admin, s.OliviaId))!;
        var edit = RepEdit.From(olivia);
        edit.TeamId = teamId;
        edit.TeamFrom = from;
        return await s.People.UpdateAsync(s.Admin, s.OliviaId, edit);
    }

    private static async Task<WeekEntry> EntryAsync(Setup s, IsoWeek week, decimal hours)
    {
        var view = (await s.Weeks.GetAsync(s.Rep, s.OliviaId, week)).Value!;
        return new WeekEntry
        {
            CapacityHours = view.CapacityHours,
            Lines = view.Activities.Select(a => new WeekEntryLine
            {
                ActivityId = a.ActivityId,
                Activity = a.Name,
                Function = a.Function,
                Value = a.Name == "Demos" ? hours : null,
            }).ToList(),
        };
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_move_this_week_records_the_history_and_the_old_teams_lock_still_covers_the_weeks_before(string provider)
    {
        await using var s = await StartAsync(provider);

        var moved = await MoveOliviaAsync(s, s.Enterprise, from: null);
        moved.Kind.ShouldBe(OutcomeKind.Done, moved.Message);
        moved.Value!.Team.ShouldBe("Enterprise");
        (await s.People.TeamHistoryAsync(s.Admin, s.OliviaId))!.Select(h => h.ToString()).ShouldBe(["Commercial from the start", "Enterprise from 2026-W48"]);
        (await s.People.TeamHistoryAsync(s.Admin, s.OliviaId))![0].Until.ShouldBe("2026-W47");

        // Commercial closes everything up to this week; Olivia's last week was Commercial's, this week is Enterprise's.
        (await s.TeamWeeks.LockAsync(s.Admin, s.Commercial, ThisWeek)).Succeeded.ShouldBeTrue();

        var last = (await s.Weeks.GetAsync(s.Rep, s.OliviaId, LastWeek)).Value!;
        last.LockReason.ShouldBe("Weeks up to 2026-W48 are locked for the Commercial team (by Alex Admin). Week 2026-W47 can no longer be changed unless an Admin or a Leader lifts the lock.");
        (await s.Weeks.SaveAsync(s.Rep, s.OliviaId, LastWeek, await EntryAsync(s, LastWeek, 2m), last.Version)).Kind.ShouldBe(OutcomeKind.Locked);
        var now = (await s.Weeks.GetAsync(s.Rep, s.OliviaId, ThisWeek)).Value!;
        now.LockReason.ShouldBeNull();
        var saved = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, 2m), null);
        saved.Succeeded.ShouldBeTrue(saved.Message);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Team_weeks_and_team_analysis_count_each_week_for_the_team_the_rep_was_in(string provider)
    {
        await using var s = await StartAsync(provider);
        (await MoveOliviaAsync(s, s.Enterprise, "2026-W45")).Kind.ShouldBe(OutcomeKind.Done);

        (await s.TeamWeeks.GetAsync(s.Admin, Moved.AddWeeks(-1), s.Commercial))!.Rows.Select(r => r.Email).ShouldContain(Olivia);
        (await s.TeamWeeks.GetAsync(s.Admin, Moved.AddWeeks(-1), s.Enterprise))!.Rows.Select(r => r.Email).ShouldNotContain(Olivia);
        (await s.TeamWeeks.GetAsync(s.Admin, Moved, s.Commercial))!.Rows.Select(r => r.Email).ShouldNotContain(Olivia);
        var enterpriseWeek = (await s.TeamWeeks.GetAsync(s.Admin, Moved, s.Enterprise))!.Rows.Single(r => r.Email == Olivia);
        enterpriseWeek.Team.ShouldBe("Enterprise");

        var analysis = new AnalysisService(s.Database.Access, Clock);
        var leader = await s.Database.MemberAsync(DemoOrganization.Name);
        var before = (From: IsoWeek.Of(2026, 38), To: Moved.AddWeeks(-1));
        var after = (From: Moved, To: LastWeek);
        decimal HoursOf(AnalysisOutcome outcome) => outcome.Result!.Reps.SingleOrDefault(r => r.Email == Olivia)?.Hours ?? 0m;

        var commercialBefore = await analysis.AnalyzeAsync(leader, before.From, before.To, "Commercial");
        var commercialAfter = await analysis.AnalyzeAsync(leader, after.From, after.To, "Commercial");
        var enterpriseBefore = await analysis.AnalyzeAsync(leader, before.From, before.To, "Enterprise");
        var enterpriseAfter = await analysis.AnalyzeAsync(leader, after.From, after.To, "Enterprise");
        var whole = await analysis.AnalyzeAsync(leader, before.From, after.To);

        HoursOf(commercialBefore).ShouldBeGreaterThan(0m);
        HoursOf(commercialAfter).ShouldBe(0m);
        HoursOf(enterpriseBefore).ShouldBe(0m);
        HoursOf(enterpriseAfter).ShouldBeGreaterThan(0m);
        (HoursOf(commercialBefore) + HoursOf(enterpriseAfter)).ShouldBe(HoursOf(whole));
        // Over a period that spans the move, each team counts only its own weeks of her.
        var commercialAcross = await analysis.AnalyzeAsync(leader, before.From, after.To, "Commercial");
        HoursOf(commercialAcross).ShouldBe(HoursOf(commercialBefore));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_team_change_into_a_locked_week_or_an_invalid_week_is_refused_with_a_clear_message(string provider)
    {
        await using var s = await StartAsync(provider);
        (await s.TeamWeeks.LockAsync(s.Admin, s.Commercial, LastWeek)).Succeeded.ShouldBeTrue();

        var locked = await MoveOliviaAsync(s, s.Enterprise, "2026-W47");
        locked.Kind.ShouldBe(OutcomeKind.Invalid);
        locked.Message.ShouldBe("Weeks up to 2026-W47 are locked for the Commercial team (by Alex Admin), so Olivia Patel's team change cannot take effect in 2026-W47; choose 2026-W48 or later.");
        var joiningLocked = await s.People.UpdateAsync(s.Admin, (await s.Database.RepIdAsync(DemoOrganization.Name, "ana.ruiz@northwind.test")), await EditAsync(s, "ana.ruiz@northwind.test", s.Commercial, "2026-W40"));
        joiningLocked.Message.ShouldBe("Weeks up to 2026-W47 are locked for the Commercial team (by Alex Admin), so Ana Ruiz's team change cannot take effect in 2026-W40; choose 2026-W48 or later.");

        var invalid = await MoveOliviaAsync(s, s.Enterprise, "2026-W54");
        invalid.Kind.ShouldBe(OutcomeKind.Invalid);
        invalid.Message.ShouldBe("'2026-W54' is not a week such as 2026-W48; leave it empty for this week.");

        (await MoveOliviaAsync(s, s.Enterprise, "2026-W48")).Kind.ShouldBe(OutcomeKind.Done);
        (await s.People.TeamHistoryAsync(s.Admin, s.OliviaId))!.Select(h => h.ToString()).ShouldBe(["Commercial from the start", "Enterprise from 2026-W48"]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Bulk_moves_and_team_merges_take_effect_from_the_week_given(string provider)
    {
        await using var s = await StartAsync(provider);
        var moved = await s.People.MoveAsync(s.Admin, new RepMove([s.OliviaId], s.Enterprise, TeamFrom: "2026-W46"));
        moved.Kind.ShouldBe(OutcomeKind.Done, moved.Message);
        (await s.People.TeamHistoryAsync(s.Admin, s.OliviaId))!.Select(h => h.ToString()).ShouldBe(["Commercial from the start", "Enterprise from 2026-W46"]);

        var teams = TeamsServiceTests.Service(s.Database);
        var enterprise = (await teams.ListAsync(s.Admin)).Single(t => t.Name == "Enterprise");
        var midMarket = (await teams.ListAsync(s.Admin)).Single(t => t.Name == "Mid-Market");
        var merged = await teams.MergeAsync(s.Admin, enterprise.Id, new TeamMerge(midMarket.Id, enterprise.Version, "2026-W47"));
        merged.Kind.ShouldBe(OutcomeKind.Done, merged.Message);

        (await s.People.TeamHistoryAsync(s.Admin, s.OliviaId))!.Select(h => h.ToString())
            .ShouldBe(["Commercial from the start", "Enterprise from 2026-W46", "Mid-Market from 2026-W47"]);
        // Enterprise's week before the merge still lists its people; from the merge on, Mid-Market does.
        (await s.TeamWeeks.GetAsync(s.Admin, IsoWeek.Of(2026, 46), s.Enterprise))!.Rows.Select(r => r.Email).ShouldContain(Olivia);
        (await s.TeamWeeks.GetAsync(s.Admin, LastWeek, s.Commercial))!.Rows.Select(r => r.Email).ShouldNotContain(Olivia);

        var badMerge = await teams.MergeAsync(s.Admin, midMarket.Id, new TeamMerge(s.Commercial, (await teams.ListAsync(s.Admin)).Single(t => t.Name == "Mid-Market").Version, "next week"));
        badMerge.Message.ShouldBe("'next week' is not a week such as 2026-W48; leave it empty for this week.");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_team_history_is_scoped_to_the_organisation(string provider)
    {
        await using var s = await StartAsync(provider);
        await using var db = await s.Database.OpenAsync(DemoOrganization.Name);
        var own = await db.RepTeamAssignments.CountAsync();
        own.ShouldBe(await db.Reps.CountAsync());
        await using var contoso = await s.Database.OpenAsync("Contoso Analytics");
        (await contoso.RepTeamAssignments.AnyAsync(a => a.RepId == s.OliviaId)).ShouldBeFalse();
        (await contoso.RepTeamAssignments.CountAsync()).ShouldBe(await contoso.Reps.CountAsync());
        (await s.People.TeamHistoryAsync(await s.Database.MemberAsync("Contoso Analytics", Domain.Access.MemberRole.Admin), s.OliviaId)).ShouldBeNull();
    }

    private static async Task<RepEdit> EditAsync(Setup s, string email, int teamId, string from)
    {
        var rep = (await s.People.GetAsync(s.Admin, await s.Database.RepIdAsync(DemoOrganization.Name, email)))!;
        var edit = RepEdit.From(rep);
        edit.TeamId = teamId;
        edit.TeamFrom = from;
        return edit;
    }
}
