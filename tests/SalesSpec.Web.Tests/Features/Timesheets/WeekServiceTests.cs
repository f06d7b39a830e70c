using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Timesheets;

/// <summary>The week lifecycle, locks, conflicts and permissions, on both real databases.</summary>
public sealed class WeekServiceTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private static readonly IsoWeek ThisWeek = IsoWeek.Of(2026, 48);
    private static readonly IsoWeek LastWeek = IsoWeek.Of(2026, 47);
    private const string Olivia = DemoAccounts.RepEmail;

    private sealed record Setup(TestDatabase Database, WeekService Weeks, TeamWeekService Team, MemberAccess Rep, MemberAccess Manager, int OliviaId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static async Task<Setup> StartAsync(string provider, params IInterceptor[] interceptors)
    {
        var database = await TestDatabase.CreateAsync(provider, demo: true, Clock, interceptors);
        var weeks = new WeekService(database.Access, new WeekEntryValidator(), Clock);
        var team = new TeamWeekService(database.Access, weeks, new MailOutbox(new EmailSender(Options.Create(new SmtpOptions())), Clock), Clock);
        return new Setup(
            database, weeks, team,
            await database.MemberOfAsync("rep@demo.salesspec", DemoOrganization.Name),
            await database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name),
            await database.RepIdAsync(DemoOrganization.Name, Olivia));
    }

    /// <summary>
    /// Once armed, holds each save's transaction from starting until a second one arrives (for at most 30 s), so two
    /// saves that have both read the week write together. The transaction, not SaveChanges: on SQLite the save's
    /// transaction takes the write lock, and a save held after it would keep the other one from ever arriving.
    /// </summary>
    private sealed class Rendezvous : DbTransactionInterceptor
    {
        private readonly TaskCompletionSource _second = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;
        private int _arrived;

        public bool Met => _second.Task.IsCompletedSuccessfully;

        public void Arm() => Volatile.Write(ref _armed, 1);

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Volatile.Read(ref _armed) == 1)
            {
                if (Interlocked.Increment(ref _arrived) == 2)
                {
                    _second.TrySetResult();
                }
                await Task.WhenAny(_second.Task, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken));
            }
            return result;
        }
    }

    private static async Task<WeekEntry> EntryAsync(Setup s, IsoWeek week, params (string Activity, decimal? Value)[] values)
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
                Value = values.Where(v => v.Activity == a.Name).Select(v => v.Value).FirstOrDefault(),
            }).ToList(),
        };
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Two_saves_of_the_same_week_that_add_the_same_activity_end_in_one_save_and_one_conflict(string provider)
    {
        await using var s = await StartAsync(provider);
        var first = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 4m)), expectedVersion: null);
        first.Succeeded.ShouldBeTrue(first.Message);
        var names = first.Value!.Activities.Select(a => a.Name).Where(n => n != "Demos").Take(8).ToList();

        // Each round: both read the same version, both add the same new activity; exactly one may win.
        foreach (var name in names)
        {
            var version = (await s.Weeks.GetAsync(s.Rep, s.OliviaId, ThisWeek)).Value!.Version;
            var mine = await EntryAsync(s, ThisWeek, ("Demos", 4m), (name, 3m));
            var theirs = await EntryAsync(s, ThisWeek, ("Demos", 4m), (name, 5m));
            var outcomes = await Task.WhenAll(
                Task.Run(() => s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, mine, version)),
                Task.Run(() => s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, theirs, version)));

            outcomes.Count(o => o.Succeeded).ShouldBe(1, name);
            outcomes.Single(o => !o.Succeeded).Kind.ShouldBe(OutcomeKind.Conflict, name);
            await using var db = await s.Database.OpenAsync(DemoOrganization.Name);
            var hours = await db.TimeLogs.Where(t => t.RepId == s.OliviaId && t.WeekStart == ThisWeek.Monday && t.Activity.Name == name).Select(t => t.Hours).ToListAsync();
            hours.ShouldHaveSingleItem().ShouldBeOneOf(3m, 5m);
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_week_goes_from_draft_to_submitted_to_approved_and_is_then_locked(string provider)
    {
        await using var s = await StartAsync(provider);
        var entry = await EntryAsync(s, ThisWeek, ("Demos", 12m), ("Discovery calls", 8.5m), ("Qualify inbound leads", 10m), ("CRM and admin", 4.25m));

        var saved = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, entry, expectedVersion: null);
        saved.Succeeded.ShouldBeTrue(saved.Message);
        (saved.Value!.Status, saved.Value.Version, saved.Value.TotalHours).ShouldBe((TimesheetStatus.Draft, 1, 34.75m));

        var submitted = await s.Weeks.SubmitAsync(s.Rep, s.OliviaId, ThisWeek, 1);
        submitted.Value!.Status.ShouldBe(TimesheetStatus.Submitted);

        var approved = await s.Weeks.ApproveAsync(s.Manager, s.OliviaId, ThisWeek, submitted.Value.Version);
        (approved.Value!.Status, approved.Value.ReviewedBy, approved.Value.IsReadOnly).ShouldBe((TimesheetStatus.Approved, "Mia Manager", true));

        var edit = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, entry, approved.Value.Version);
        edit.Kind.ShouldBe(OutcomeKind.Locked);
        edit.Message.ShouldBe("Week 2026-W48 is approved (by Mia Manager) and locked. The team's Manager, a Leader or an Admin can reopen it on Team week if it needs a correction.");

        await using var db = await s.Database.OpenAsync(DemoOrganization.Name);
        var logs = await db.TimeLogs.Where(t => t.RepId == s.OliviaId && t.WeekStart == ThisWeek.Monday).ToListAsync();
        logs.Sum(t => t.Hours).ShouldBe(34.75m);
        logs.Count.ShouldBe(4);
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Timesheet)).Select(a => new { a.UserId, a.Summary }).ToListAsync();
        audit.ShouldContain(a => a.UserId == s.Manager.UserId && a.Summary == "approved Olivia Patel's week 2026-W48");
        audit.ShouldContain(a => a.UserId == s.Rep.UserId && a.Summary == "submitted Olivia Patel's week 2026-W48");
        (await db.AuditEntries.Where(a => a.EntityType == "TimeLog").Select(a => a.Summary).ToListAsync())
            .ShouldContain("logged 4.25 h of CRM and admin for Olivia Patel in 2026-W48");
        audit.ShouldContain(a => a.UserId == s.Rep.UserId);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Saving_again_replaces_the_week_and_zero_hours_remove_an_activity(string provider)
    {
        await using var s = await StartAsync(provider);
        var first = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 12m), ("Cold calls", 3m)), null);

        var second = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 10m), ("Cold calls", 0m), ("Onboarding", 2m)), first.Value!.Version);

        second.Succeeded.ShouldBeTrue(second.Message);
        second.Value!.Activities.Where(a => a.Hours > 0).Select(a => (a.Name, a.Hours)).ShouldBe([("Demos", (decimal?)10m), ("Onboarding", 2m)], ignoreOrder: true);
        second.Value.Version.ShouldBe(2);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_save_from_a_stale_version_is_refused_and_overwrites_nothing(string provider)
    {
        await using var s = await StartAsync(provider);
        var opened = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 5m)), null);
        var firstTab = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 7m)), opened.Value!.Version);
        firstTab.Succeeded.ShouldBeTrue();

        var secondTab = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 99m)), opened.Value.Version);

        secondTab.Kind.ShouldBe(OutcomeKind.Conflict);
        secondTab.Message.ShouldBe(WeekService.ConflictMessage);
        (await s.Weeks.GetAsync(s.Rep, s.OliviaId, ThisWeek)).Value!.Activities.Single(a => a.Name == "Demos").Hours.ShouldBe(7m);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Two_saves_racing_from_the_same_version_let_exactly_one_through(string provider)
    {
        // Both saves read the week and pass the service's version check before either writes: only the
        // database's concurrency token can then tell them apart.
        var bothRead = new Rendezvous();
        await using var s = await StartAsync(provider, bothRead);
        var opened = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 5m)), null);
        var a = await EntryAsync(s, ThisWeek, ("Demos", 6m));
        var b = await EntryAsync(s, ThisWeek, ("Demos", 8m));
        bothRead.Arm();

        var results = await Task.WhenAll(
            Task.Run(() => s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, a, opened.Value!.Version)),
            Task.Run(() => s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, b, opened.Value!.Version)));

        bothRead.Met.ShouldBeTrue("both saves should have read the week before either wrote");
        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Single(r => !r.Succeeded).Kind.ShouldBe(OutcomeKind.Conflict);
        var winner = results.Single(r => r.Succeeded).Value!.Activities.Single(x => x.Name == "Demos").Hours;
        (await s.Weeks.GetAsync(s.Rep, s.OliviaId, ThisWeek)).Value!.Activities.Single(x => x.Name == "Demos").Hours.ShouldBe(winner);
    }

    [Fact]
    public async Task On_postgres_a_save_during_an_import_of_that_rep_waits_then_says_why_and_other_reps_are_not_held()
    {
        await using var s = await StartAsync("Postgres");
        var noah = await s.Database.RepIdAsync(DemoOrganization.Name, "noah.okafor@northwind.test");
        // An import holds Olivia's row for its merge.
        await using var importer = await s.Database.OpenAsync(DemoOrganization.Name);
        await using var transaction = await importer.Database.BeginTransactionAsync();
        await importer.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Reps" WHERE "Id" = {s.OliviaId} FOR UPDATE""");

        // Another rep's week saves meanwhile (were it held, it would end in a conflict after the wait).
        (await s.Weeks.SaveAsync(s.Manager, noah, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 5m)), null)).Succeeded.ShouldBeTrue();

        var waited = System.Diagnostics.Stopwatch.StartNew();
        var held = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 5m)), null);

        waited.Elapsed.ShouldBeGreaterThan(WeekService.WaitForImport - TimeSpan.FromMilliseconds(500));
        (held.Kind, held.Message).ShouldBe((OutcomeKind.Conflict, WeekService.ImportRunningMessage));
        await transaction.RollbackAsync();
        (await s.Weeks.GetAsync(s.Rep, s.OliviaId, ThisWeek)).Value!.Version.ShouldBeNull();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Two_first_saves_of_a_new_week_let_exactly_one_through(string provider)
    {
        await using var s = await StartAsync(provider);
        var first = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 5m)), null);

        var second = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 9m)), null);

        first.Succeeded.ShouldBeTrue();
        second.Kind.ShouldBe(OutcomeKind.Conflict);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_rep_cannot_see_or_change_another_reps_week_and_a_manager_only_their_teams(string provider)
    {
        await using var s = await StartAsync(provider);
        var noah = await s.Database.RepIdAsync(DemoOrganization.Name, "noah.okafor@northwind.test");
        var ana = await s.Database.RepIdAsync(DemoOrganization.Name, "ana.ruiz@northwind.test");
        var entry = await EntryAsync(s, ThisWeek, ("Demos", 5m));

        (await s.Weeks.GetAsync(s.Rep, noah, ThisWeek)).Kind.ShouldBe(OutcomeKind.Forbidden);
        (await s.Weeks.SaveAsync(s.Rep, noah, ThisWeek, entry, null)).Kind.ShouldBe(OutcomeKind.Forbidden);
        (await s.Weeks.SubmitAsync(s.Rep, noah, LastWeek, null)).Kind.ShouldBe(OutcomeKind.Forbidden);
        (await s.Weeks.AverageHoursAsync(s.Rep, noah, LastWeek, LastWeek)).ShouldBeNull();
        var pablo = await s.Database.RepIdAsync(DemoOrganization.Name, "pablo.quinn@northwind.test");
        var pabloVersion = (await s.Weeks.GetAsync(s.Manager, pablo, LastWeek)).Value!.Version;
        (await s.Weeks.ApproveAsync(s.Rep, pablo, LastWeek, pabloVersion)).Kind.ShouldBe(OutcomeKind.Forbidden);

        (await s.Weeks.SaveAsync(s.Manager, noah, ThisWeek, entry, null)).Succeeded.ShouldBeTrue("a manager enters a week for a rep of their team");
        (await s.Weeks.GetAsync(s.Manager, ana, ThisWeek)).Kind.ShouldBe(OutcomeKind.Forbidden);
        await using var db = await s.Database.OpenAsync(DemoOrganization.Name);
        (await db.TimeLogs.CountAsync(t => t.RepId == noah && t.WeekStart == ThisWeek.Monday)).ShouldBe(1);
        (await db.AuditEntries.CountAsync(a => a.UserId == s.Manager.UserId && a.EntityType == "TimeLog")).ShouldBe(1, "entering on a rep's behalf is audited");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_lock_period_refuses_edits_to_every_week_it_covers_with_a_clear_message(string provider)
    {
        await using var s = await StartAsync(provider);
        var commercial = s.Manager.ManagedTeamIds.Single();
        var admin = await s.Database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);

        (await s.Team.LockAsync(s.Manager, commercial, LastWeek)).Succeeded.ShouldBeTrue();

        var draft = (await s.Weeks.GetAsync(s.Rep, s.OliviaId, LastWeek)).Value!;
        draft.LockReason.ShouldBe("Weeks up to 2026-W47 are locked for the Commercial team (by Mia Manager). Week 2026-W47 can no longer be changed unless an Admin or a Leader lifts the lock.");
        var refused = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, LastWeek, await EntryAsync(s, LastWeek, ("Demos", 1m)), draft.Version);
        refused.Kind.ShouldBe(OutcomeKind.Locked);
        (await s.Weeks.SubmitAsync(s.Rep, s.OliviaId, LastWeek, draft.Version)).Kind.ShouldBe(OutcomeKind.Locked);
        (await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 1m)), null)).Succeeded.ShouldBeTrue();

        var enterprise = (await s.Team.GetAsync(admin, LastWeek))!.Teams.Single(t => t.Name == "Enterprise").Id;
        var notTheirs = await s.Team.LockAsync(s.Manager, enterprise, LastWeek);
        (notTheirs.Kind, notTheirs.Message).ShouldBe((OutcomeKind.Forbidden, "Only the team's Manager or an Admin locks its weeks."));
        (await s.Team.LockAsync(s.Manager, null, LastWeek)).Message.ShouldBe("Only an Admin locks weeks for the whole organisation.");
        (await s.Team.LockAsync(admin, null, ThisWeek.AddWeeks(1))).Message.ShouldBe("Weeks that have not started yet cannot be locked.");
        (await s.Team.LockAsync(admin, null, LastWeek)).Succeeded.ShouldBeTrue();
        (await s.Team.GetAsync(admin, LastWeek))!.Rows.ShouldAllBe(r => r.IsLocked);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_lock_is_shown_before_it_is_set_an_earlier_one_changes_nothing_and_a_leader_lifts_it_audited(string provider)
    {
        await using var s = await StartAsync(provider);
        var commercial = s.Manager.ManagedTeamIds.Single();
        var leader = await s.Database.MemberOfAsync("leader@demo.salesspec", DemoOrganization.Name);

        var plan = (await s.Team.PlanLockAsync(s.Manager, commercial, LastWeek)).Value!;
        (plan.Scope, plan.LockedBefore, plan.ChangesNothing).ShouldBe(("the Commercial team", null, false));
        plan.RepCount.ShouldBeGreaterThanOrEqualTo(6);
        plan.FirstNames.ShouldContain("Olivia Patel");
        plan.NotApproved.ShouldBeGreaterThan(0, "the demo's submitted weeks of the team are not approved yet");
        await using (var db = await s.Database.OpenAsync(DemoOrganization.Name))
        {
            (await db.LockPeriods.CountAsync()).ShouldBe(0, "planning locks nothing");
        }

        (await s.Team.LockAsync(s.Manager, commercial, LastWeek)).Succeeded.ShouldBeTrue();
        var again = await s.Team.LockAsync(s.Manager, commercial, LastWeek.AddWeeks(-3));
        (again.Kind, again.Message).ShouldBe((OutcomeKind.Invalid,
            "Weeks up to 2026-W47 are already locked for the Commercial team, so locking up to 2026-W44 changes nothing."));
        var next = (await s.Team.PlanLockAsync(s.Manager, commercial, ThisWeek)).Value!;
        (next.From, next.Weeks).ShouldBe((ThisWeek, "week 2026-W48"));

        var locks = await s.Team.LocksAsync(s.Manager);
        var only = locks.ShouldHaveSingleItem();
        (only.Through, only.Scope, only.LockedBy, only.MayLift).ShouldBe((LastWeek, "the Commercial team", "Mia Manager", false));
        (await s.Team.LiftAsync(s.Manager, only.Id)).Kind.ShouldBe(OutcomeKind.Forbidden, "a Manager sets locks but does not lift them");
        (await s.Team.LocksAsync(leader)).ShouldHaveSingleItem().MayLift.ShouldBeTrue();

        (await s.Team.PlanLiftAsync(leader, only.Id)).Value.ShouldBe(
            "Lifting the lock up to 2026-W47 for the Commercial team (set by Mia Manager) reopens every week up to and including 2026-W47; approved weeks stay approved. The audit log records who lifted it.");
        (await s.Team.LiftAsync(leader, only.Id)).Succeeded.ShouldBeTrue();
        (await s.Weeks.GetAsync(s.Rep, s.OliviaId, LastWeek)).Value!.LockReason.ShouldBeNull("lifting the lock reopens the week");
        (await s.Team.LiftAsync(leader, only.Id)).Message.ShouldBe("That lock is no longer there: someone lifted it meanwhile.");
        await using (var db = await s.Database.OpenAsync(DemoOrganization.Name))
        {
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(LockPeriod)).OrderBy(a => a.Id).Select(a => new { a.UserId, a.Summary }).ToListAsync();
            audit.Select(a => a.UserId).ShouldBe([s.Manager.UserId, leader.UserId]);
            audit[1].Summary.ShouldContain("unlocked");
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Lifting_a_team_lock_under_a_later_organisation_lock_reopens_nothing_and_says_so(string provider)
    {
        await using var s = await StartAsync(provider);
        var commercial = s.Manager.ManagedTeamIds.Single();
        var admin = await s.Database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        (await s.Team.LockAsync(s.Manager, commercial, LastWeek.AddWeeks(-2))).Succeeded.ShouldBeTrue();
        var organisation = (await s.Team.PlanLockAsync(admin, null, LastWeek)).Value!;
        (organisation.Scope, organisation.LockedBefore).ShouldBe(("the whole organisation", null), "a team's lock does not close the organisation's weeks");
        (await s.Team.LockAsync(admin, null, LastWeek)).Succeeded.ShouldBeTrue();
        (await s.Team.PlanLockAsync(s.Manager, commercial, LastWeek.AddWeeks(-1))).Value!.ChangesNothing.ShouldBeTrue("the organisation's lock closes the team's weeks too");

        var teamLock = (await s.Team.LocksAsync(admin)).Single(l => l.TeamId == commercial);
        (await s.Team.PlanLiftAsync(admin, teamLock.Id)).Value.ShouldBe(
            "Lifting the lock up to 2026-W45 for the Commercial team reopens no week: another lock still closes every week up to 2026-W47.");
        var organisationLock = (await s.Team.LocksAsync(admin)).Single(l => l.TeamId == null);
        (await s.Team.PlanLiftAsync(admin, organisationLock.Id)).Value!.ShouldStartWith(
            "Lifting the lock up to 2026-W47 for the whole organisation (set by Alex Admin) reopens every week up to and including 2026-W47;");
        (await s.Team.LiftAsync(admin, organisationLock.Id)).Succeeded.ShouldBeTrue();
        (await s.Weeks.GetAsync(s.Rep, s.OliviaId, LastWeek.AddWeeks(-2))).Value!.LockReason.ShouldNotBeNull("the team's own lock still holds");
        (await s.Weeks.GetAsync(s.Rep, s.OliviaId, LastWeek)).Value!.LockReason.ShouldBeNull();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_rejected_week_shows_the_comment_and_notifies_the_rep(string provider)
    {
        await using var s = await StartAsync(provider);
        var week = (await s.Weeks.GetAsync(s.Rep, s.OliviaId, LastWeek)).Value!;
        var submitted = await s.Weeks.SubmitAsync(s.Rep, s.OliviaId, LastWeek, week.Version);

        var rejected = await s.Weeks.RejectAsync(s.Manager, s.OliviaId, LastWeek, submitted.Value!.Version, "Demos look double-counted.");

        (rejected.Value!.Status, rejected.Value.ReviewComment).ShouldBe((TimesheetStatus.Rejected, "Demos look double-counted."));
        var notifications = new NotificationService(s.Database.Access, Clock);
        var rep = await s.Database.PrincipalAsync("rep@demo.salesspec");
        var (latest, unread) = await notifications.ForUserAsync(rep);
        unread.ShouldBe(1);
        latest.Single().Message.ShouldBe("Mia Manager sent week 2026-W47 back: Demos look double-counted.");
        latest.Single().Link.ShouldBe($"/organizations/{s.Rep.OrganizationId}/my-week/2026-W47");
        (await s.Weeks.RejectAsync(s.Manager, s.OliviaId, LastWeek, rejected.Value.Version, "")).Kind.ShouldBe(OutcomeKind.Invalid);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Remind_reaches_only_the_reps_who_have_not_submitted_and_only_once(string provider)
    {
        await using var s = await StartAsync(provider);
        var view = (await s.Team.GetAsync(s.Manager, LastWeek))!;
        view.Rows.Select(r => (r.Name, r.Status)).ShouldBe(
        [
            ("Pablo Quinn", TimesheetStatus.Submitted), ("Rosa Silva", TimesheetStatus.Submitted), ("Sam Tanaka", TimesheetStatus.Submitted),
            ("Tara Usman", TimesheetStatus.Submitted), ("Noah Okafor", null), ("Olivia Patel", TimesheetStatus.Draft),
        ]);

        var first = await s.Team.RemindAsync(s.Manager, LastWeek);
        var again = await s.Team.RemindAsync(s.Manager, LastWeek);

        (first.Done, again.Done).ShouldBe((2, 0));
        await using var db = await s.Database.OpenAsync(DemoOrganization.Name);
        var reminded = await db.Notifications.Select(n => n.RepId).ToListAsync();
        var noah = await s.Database.RepIdAsync(DemoOrganization.Name, "noah.okafor@northwind.test");
        reminded.ShouldBe([noah, s.OliviaId], ignoreOrder: true);

        var notifications = new NotificationService(s.Database.Access, Clock);
        var rep = await s.Database.PrincipalAsync("rep@demo.salesspec");
        (await notifications.ForUserAsync(rep)).Unread.ShouldBe(1);
        await notifications.MarkReadAsync(rep, null);
        (await notifications.ForUserAsync(rep)).Unread.ShouldBe(0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Nobody_reviews_their_own_week_even_a_manager_who_is_a_rep_of_their_team(string provider)
    {
        await using var s = await StartAsync(provider);
        var managerWhoSells = s.Manager with { RepId = s.OliviaId };
        var week = (await s.Weeks.GetAsync(s.Rep, s.OliviaId, LastWeek)).Value!;
        var submitted = await s.Weeks.SubmitAsync(s.Rep, s.OliviaId, LastWeek, week.Version);

        var approved = await s.Weeks.ApproveAsync(managerWhoSells, s.OliviaId, LastWeek, submitted.Value!.Version);

        approved.Kind.ShouldBe(OutcomeKind.Forbidden);
        approved.Message.ShouldBe("Nobody reviews their own week: another manager, a Leader or an Admin does.");
        (await s.Weeks.ApproveAsync(s.Manager, s.OliviaId, LastWeek, submitted.Value.Version)).Succeeded.ShouldBeTrue();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_rep_with_an_unread_sent_back_week_is_still_reminded_and_opening_one_notification_reads_only_that_one(string provider)
    {
        await using var s = await StartAsync(provider);
        var week = (await s.Weeks.GetAsync(s.Rep, s.OliviaId, LastWeek)).Value!;
        var submitted = await s.Weeks.SubmitAsync(s.Rep, s.OliviaId, LastWeek, week.Version);
        await s.Weeks.RejectAsync(s.Manager, s.OliviaId, LastWeek, submitted.Value!.Version, "Demos look double-counted.");

        var reminded = await s.Team.RemindAsync(s.Manager, LastWeek);

        reminded.Done.ShouldBe(2, "Noah (missing) and Olivia (sent back)");
        var notifications = new NotificationService(s.Database.Access, Clock);
        var rep = await s.Database.PrincipalAsync("rep@demo.salesspec");
        var (latest, unread) = await notifications.ForUserAsync(rep);
        unread.ShouldBe(2);
        await notifications.MarkReadAsync(rep, latest.Single(n => n.Message.Contains("reminds", StringComparison.Ordinal)).Id);
        var after = await notifications.ForUserAsync(rep);
        after.Unread.ShouldBe(1);
        after.Latest.Single(n => !n.IsRead).Message.ShouldContain("sent week 2026-W47 back");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Bulk_approve_approves_the_submitted_weeks_and_reports_a_stale_one(string provider)
    {
        await using var s = await StartAsync(provider);
        var view = (await s.Team.GetAsync(s.Manager, LastWeek))!;
        var submitted = view.Rows.Where(r => r.Status == TimesheetStatus.Submitted).ToList();
        var stale = submitted[0] with { Version = submitted[0].Version - 1 };

        var result = await s.Team.ApproveAsync(s.Manager, LastWeek, submitted.Skip(1).Append(stale).Select(r => (r.RepId, r.Version)));

        result.Done.ShouldBe(3);
        result.Problems.ShouldBe([WeekService.ConflictMessage]);
        (await s.Team.GetAsync(s.Manager, LastWeek))!.Rows.Count(r => r.Status == TimesheetStatus.Approved).ShouldBe(3);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Percent_mode_turns_shares_of_the_standard_week_into_hours(string provider)
    {
        await using var s = await StartAsync(provider);
        var entry = await EntryAsync(s, ThisWeek, ("Demos", 50m), ("Qualify inbound leads", 30m), ("CRM and admin", 20m));
        entry.Mode = EntryMode.Percent;

        var saved = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, entry, null);

        saved.Value!.Activities.Where(a => a.Hours > 0).Select(a => (a.Name, a.Hours))
            .ShouldBe([("Qualify inbound leads", (decimal?)12m), ("Demos", 20m), ("CRM and admin", 8m)], ignoreOrder: true);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_week_with_errors_is_not_saved_and_warnings_do_not_block(string provider)
    {
        await using var s = await StartAsync(provider);

        var bad = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", -2m), ("Cold calls", 3m)), null);
        bad.Kind.ShouldBe(OutcomeKind.Invalid);
        bad.Findings.Single(f => f.Severity == FluentValidation.Severity.Error).ErrorMessage.ShouldBe("Demos: cannot be negative.");
        (await s.Weeks.GetAsync(s.Rep, s.OliviaId, ThisWeek)).Value!.Status.ShouldBeNull();

        var longWeek = await s.Weeks.SaveAsync(s.Rep, s.OliviaId, ThisWeek, await EntryAsync(s, ThisWeek, ("Demos", 40m), ("Cold calls", 25m)), null);
        longWeek.Succeeded.ShouldBeTrue();
        longWeek.Warnings.Single().ErrorMessage.ShouldBe("65 hours is a long week (over 60). Saved anyway if it is right.");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Copy_last_week_and_the_four_week_average_come_from_the_reps_own_logs(string provider)
    {
        await using var s = await StartAsync(provider);
        var demo = DemoOrganization.Build(Clock.Today);
        var mine = demo.TimeLogs.Where(t => t.Rep.Email == Olivia).ToList();

        var copied = (await s.Weeks.AverageHoursAsync(s.Rep, s.OliviaId, LastWeek, LastWeek))!;
        var average = (await s.Weeks.AverageHoursAsync(s.Rep, s.OliviaId, LastWeek.AddWeeks(-3), LastWeek))!;

        copied.Values.Sum().ShouldBe(mine.Where(t => t.Week == LastWeek).Sum(t => t.Hours));
        var demos = mine.Where(t => t.Activity.Name == "Demos" && t.Week >= LastWeek.AddWeeks(-3)).Sum(t => t.Hours) / 4m;
        var demosId = (await s.Weeks.GetAsync(s.Rep, s.OliviaId, ThisWeek)).Value!.Activities.Single(a => a.Name == "Demos").ActivityId;
        average[demosId].ShouldBe(decimal.Round(demos, 2, MidpointRounding.AwayFromZero));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_reps_focus_comes_from_the_analyzer_over_the_last_eight_weeks(string provider)
    {
        await using var s = await StartAsync(provider);
        var focus = (await new RepFocusService(s.Database.Access, Clock).GetAsync(s.Rep, s.OliviaId))!;

        (focus.From.ToString(), focus.To.ToString(), focus.Weeks.Count).ShouldBe(("2026-W40", "2026-W47", 8));
        focus.Overall!.Focus.ShouldBe(Focus.Unfocused);
        focus.Weeks.ShouldAllBe(w => w.CoreShare + w.NonCoreShare + w.NonSellingShare == 1m);
        focus.Advice.ShouldContain("above the 20 % line");
        focus.Advice.ShouldContain("mostly inbound qualification");
        (await new RepFocusService(s.Database.Access, Clock).GetAsync(s.Rep, await s.Database.RepIdAsync(DemoOrganization.Name, "ana.ruiz@northwind.test"))).ShouldBeNull();
    }
}
