using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Features.Timesheets;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Timesheets;

/// <summary>The team week's view model driven without rendering, on a real SQLite database with the demo data.</summary>
public sealed class TeamWeekPageModelTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private static readonly IsoWeek LastWeek = IsoWeek.Of(2026, 47);
    private TestDatabase _database = null!;
    private TeamWeekPageModel _model = null!;
    private TeamWeekService _teamWeeks = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        var weeks = new WeekService(_database.Access, new WeekEntryValidator(), Clock);
        _teamWeeks = new TeamWeekService(_database.Access, weeks, new MailOutbox(new EmailSender(Options.Create(new SmtpOptions())), Clock), Clock);
        _model = new TeamWeekPageModel(weeks, _teamWeeks);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task OpenAsync(string email, IsoWeek? week = null)
    {
        var member = await _database.MemberOfAsync(email, DemoOrganization.Name);
        await _model.OpenAsync(member, (week ?? LastWeek).ToString(), null);
    }

    private TeamWeekRow Row(string name) => _model.View!.Rows.Single(r => r.Name == name);

    [Fact]
    public async Task A_manager_sees_who_is_waiting_and_who_to_remind()
    {
        await OpenAsync("manager@demo.salesspec");

        _model.PageError.ShouldBeNull();
        _model.Loading.ShouldBeFalse();
        _model.View!.Rows.Count.ShouldBe(6);
        _model.SubmittedRows.Count.ShouldBe(4);
        _model.Count(TimesheetStatus.Submitted).ShouldBe("4");
        _model.RemindCount.ShouldBe(2);
        _model.RemindLabel.ShouldBe("Remind the 2 reps who have not submitted");
        _model.LockThrough.ShouldBe("2026-W46");
        _model.MayLockHere.ShouldBeTrue();
    }

    [Fact]
    public async Task Approving_the_selected_weeks_clears_the_selection_and_says_how_many()
    {
        await OpenAsync("manager@demo.salesspec");

        _model.SelectAll(true);
        _model.AllSelected.ShouldBeTrue();
        _model.Select(Row("Pablo Quinn").RepId, false);
        _model.AllSelected.ShouldBeFalse();
        await _model.ApproveSelectedAsync();

        _model.Message.ShouldBe("Approved 3 weeks. Approved weeks are locked.");
        _model.MessageSeverity.ShouldBe(Severity.Success);
        _model.Selected.ShouldBeEmpty();
        _model.Count(TimesheetStatus.Approved).ShouldBe("3");
        _model.Busy.ShouldBeFalse();
    }

    [Fact]
    public async Task Sending_a_week_back_needs_a_reason()
    {
        await OpenAsync("manager@demo.salesspec");
        var rosa = Row("Rosa Silva");

        _model.StartReject(rosa);
        await _model.RejectAsync(rosa);
        _model.RejectError.ShouldNotBeNull();
        _model.Rejecting.ShouldBe(rosa.RepId);

        _model.RejectComment = "Demos are missing.";
        await _model.RejectAsync(Row("Rosa Silva"));

        _model.Rejecting.ShouldBeNull();
        _model.Message.ShouldBe("Sent Rosa Silva's week back; they will see your comment.");
        Row("Rosa Silva").Status.ShouldBe(TimesheetStatus.Rejected);
    }

    [Fact]
    public async Task Locking_a_week_that_is_not_a_week_says_so_and_locks_nothing()
    {
        await OpenAsync("manager@demo.salesspec");
        await _model.ToggleLockAsync();
        _model.LockThrough = "last week";

        await _model.ReviewLockAsync();
        await _model.LockAsync();

        _model.Message.ShouldBe("'last week' is not a week; use the form 2026-W47.");
        _model.MessageSeverity.ShouldBe(Severity.Error);
        _model.PendingLock.ShouldBeNull();
        _model.LockOpen.ShouldBeTrue();
        _model.View!.Teams.ShouldAllBe(t => t.LockedThrough == null);
    }

    [Fact]
    public async Task Locking_shows_the_weeks_and_people_first_and_locks_only_once_confirmed()
    {
        await OpenAsync("manager@demo.salesspec");
        await _model.ToggleLockAsync();
        _model.Locks.ShouldBeEmpty();

        await _model.ReviewLockAsync();
        var plan = _model.PendingLock.ShouldNotBeNull();
        plan.Describe().ShouldStartWith("This locks every week up to and including 2026-W46 for the Commercial team (");
        plan.Describe().ShouldContain("Olivia Patel");
        _model.View!.Teams.ShouldAllBe(t => t.LockedThrough == null, "nothing is locked before the confirmation");
        _model.LockThrough = "2026-W45";
        _model.PendingLock.ShouldBeNull("a plan belongs to the week it was made for");

        await _model.ReviewLockAsync();
        await _model.LockAsync();

        _model.Message.ShouldBe("Locked every week up to and including 2026-W45 for the Commercial team.");
        _model.PendingLock.ShouldBeNull();
        _model.Locks.ShouldHaveSingleItem().Through.ShouldBe(IsoWeek.Of(2026, 45));
        _model.View!.Teams.Single(t => t.Name == "Commercial").LockedThrough.ShouldBe(IsoWeek.Of(2026, 45));

        _model.LockThrough = "2026-W44";
        await _model.ReviewLockAsync();
        _model.PendingLock!.Describe().ShouldBe("Weeks up to 2026-W45 are already locked for the Commercial team, so locking up to 2026-W44 changes nothing.");
        await _model.LockAsync();
        _model.Locks.Count.ShouldBe(1, "an earlier week adds no lock");

        _model.LockThrough = "2026-W47";
        await _model.ReviewLockAsync();
        _model.PendingLock!.Weeks.ShouldBe("the 2 weeks 2026-W46 – 2026-W47");
    }

    [Fact]
    public async Task A_leader_reads_what_lifting_reopens_then_lifts_it()
    {
        var manager = await _database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);
        (await _teamWeeks.LockAsync(manager, manager.ManagedTeamIds.Single(), LastWeek)).Succeeded.ShouldBeTrue();
        await OpenAsync("leader@demo.salesspec");
        _model.MayLockHere.ShouldBeFalse();
        _model.MayOpenLocks.ShouldBeTrue();
        Row("Olivia Patel").IsLocked.ShouldBeTrue();

        await _model.ToggleLockAsync();
        var period = _model.Locks.ShouldHaveSingleItem();
        await _model.ReviewLiftAsync(period);
        _model.PendingLiftText.ShouldStartWith("Lifting the lock up to 2026-W47 for the Commercial team (set by Mia Manager) reopens every week");
        _model.CancelLift();
        _model.Locks.Count.ShouldBe(1);

        await _model.ReviewLiftAsync(period);
        await _model.LiftAsync();

        _model.Message.ShouldBe("Lifted the lock up to 2026-W47 for the Commercial team.");
        _model.Locks.ShouldBeEmpty();
        Row("Olivia Patel").IsLocked.ShouldBeFalse();
    }

    [Fact]
    public async Task Another_week_drops_the_selection_and_the_message()
    {
        await OpenAsync("manager@demo.salesspec");
        _model.SelectAll(true);
        _model.CloseMessage();
        await _model.RemindAsync();
        _model.Message.ShouldNotBeNull();

        await OpenAsync("manager@demo.salesspec", LastWeek.AddWeeks(-1));

        _model.Selected.ShouldBeEmpty();
        _model.Message.ShouldBeNull();
        _model.Week.ShouldBe(LastWeek.AddWeeks(-1));
    }

    [Theory]
    [InlineData(0, "Everyone has submitted")]
    [InlineData(1, "Remind the 1 rep who has not submitted")]
    [InlineData(3, "Remind the 3 reps who have not submitted")]
    [InlineData(1200, "Remind the 1,200 reps who have not submitted")]
    public void The_remind_button_reads_properly_for_one_and_for_many(int count, string label)
    {
        TeamWeekPageModel.RemindLabelFor(count).ShouldBe(label);
    }

    [Theory]
    [InlineData(0, 47)] // Monday 23 November: last week is waiting for review
    [InlineData(2, 47)] // Wednesday
    [InlineData(3, 48)] // Thursday: this week
    public async Task Without_a_week_the_team_week_opens_on_the_last_complete_week_until_Wednesday(int daysAfterMonday, int expected)
    {
        var clock = new FixedClock(FixedClock.Monday23November2026.AddDays(daysAfterMonday));
        var weeks = new WeekService(_database.Access, new WeekEntryValidator(), clock);
        var model = new TeamWeekPageModel(weeks, new TeamWeekService(_database.Access, weeks,
            new MailOutbox(new EmailSender(Options.Create(new SmtpOptions())), clock), clock));
        var member = await _database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);

        await model.OpenAsync(member, null, null);

        model.Week.ShouldBe(IsoWeek.Of(2026, expected));
        model.View!.Week.ShouldBe(IsoWeek.Of(2026, expected));
        model.CurrentWeek.ShouldBe(IsoWeek.Of(2026, 48));
    }

    [Fact]
    public async Task The_review_week_turns_at_the_organisations_midnight_not_at_UTCs()
    {
        // 23:30 UTC on Wednesday 25 November is already Thursday in Auckland: this week there, last week in London.
        var clock = new StoppedClock(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero));
        var weeks = new WeekService(_database.Access, new WeekEntryValidator(), clock);
        var member = await _database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);

        weeks.ReviewWeek(member with { TimeZone = "Pacific/Auckland" }).ShouldBe(IsoWeek.Of(2026, 48));
        weeks.ReviewWeek(member with { TimeZone = "Europe/London" }).ShouldBe(IsoWeek.Of(2026, 47));
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task A_rep_is_told_the_team_week_is_not_for_them()
    {
        await OpenAsync("rep@demo.salesspec");

        _model.View.ShouldBeNull();
        _model.PageError.ShouldNotBeNull().ShouldContain("The team week is for Managers, Leaders and Admins.");
        _model.PageError.ShouldEndWith(" Reps log their own week on My week.");
    }

    /// <summary>Adds <paramref name="count"/> reps with nothing logged to the demo manager's team.</summary>
    internal static async Task AddRepsToManagersTeamAsync(TestDatabase database, int count)
    {
        var manager = await database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var team = await db.Teams.SingleAsync(t => t.Id == manager.ManagedTeamIds.First());
        var role = await db.SalesRoles.FirstAsync(r => r.IsAnalysed);
        for (var i = 0; i < count; i++)
        {
            db.Reps.Add(Rep.Create($"Extra {i:D3}", $"extra{i:D3}@demo.test", role, team));
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_team_of_hundreds_is_searched_sorted_and_shown_a_page_at_a_time()
    {
        await AddRepsToManagersTeamAsync(_database, 120);

        await OpenAsync("manager@demo.salesspec");

        _model.View!.Rows.Count.ShouldBe(126);
        (_model.Page, _model.PageCount, _model.PageRows.Count).ShouldBe((1, 3, TeamWeekPageModel.PageSize));
        _model.Range.ShouldBe("1–50 of 126 reps");
        _model.PageRows.Take(4).ShouldAllBe(r => r.Status == TimesheetStatus.Submitted, "the weeks waiting for review come first");
        _model.ShowPage(3);
        _model.PageRows.Count.ShouldBe(26);
        _model.ShowPage(99);
        _model.Page.ShouldBe(3, "a page past the end shows the last one");

        _model.Find("EXTRA11");
        _model.Page.ShouldBe(1);
        _model.PageRows.Select(r => r.Name).Order().ShouldBe(Enumerable.Range(110, 10).Select(i => $"Extra {i:D3}"));
        _model.Range.ShouldBe("1–10 of 10 matching of 126 reps");

        _model.Find(null);
        _model.SortBy(TeamWeekSort.Hours);
        _model.PageRows[0].Hours.ShouldBe(_model.View.Rows.Max(r => r.Hours));
        _model.SortBy(TeamWeekSort.Name);
        _model.PageRows.Select(r => r.Name).ShouldBe(_model.View.Rows.Select(r => r.Name).Order(StringComparer.OrdinalIgnoreCase).Take(50));

        // Selecting all covers every page: the label says how many.
        _model.SelectAll(true);
        _model.Selected.Count.ShouldBe(4);
    }
}
