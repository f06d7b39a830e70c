using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.TimeLogs;
using SalesSpec.Domain.Timesheets;

namespace SalesSpec.Domain.Tests.Timesheets;

/// <summary>Weeks, hours and locks written where only ids are known, and the lock reason of an approved week.</summary>
public sealed class ByIdTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly IsoWeek Week = IsoWeek.Parse("2026-W47");

    [Fact]
    public void A_time_log_by_ids_keeps_them_its_monday_and_its_hours()
    {
        var log = TimeLog.Create(3, 5, Week, 7.5m);

        (log.RepId, log.ActivityId, log.WeekStart, log.Hours).ShouldBe((3, 5, new DateOnly(2026, 11, 16), 7.5m));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(3, 0)]
    [InlineData(-1, 5)]
    public void A_time_log_by_ids_needs_a_saved_rep_and_activity(int repId, int activityId)
    {
        Should.Throw<DomainRuleException>(() => TimeLog.Create(repId, activityId, Week, 1m)).Message
            .ShouldBe("A time log needs a saved rep and activity.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(0.0001)]
    public void Hours_from_0_to_100_with_up_to_4_decimals_are_accepted(double hours)
    {
        TimeLog.Create(1, 1, Week, (decimal)hours).Hours.ShouldBe((decimal)hours);
    }

    [Fact]
    public void Changing_hours_checks_them_as_creating_does()
    {
        var log = TimeLog.Create(1, 1, Week, 2m);

        Should.Throw<DomainRuleException>(() => log.ChangeHours(100.0001m));
        log.Hours.ShouldBe(2m);
        log.ChangeHours(3.25m);
        log.Hours.ShouldBe(3.25m);
    }

    [Fact]
    public void A_time_log_with_objects_needs_both()
    {
        var organization = Organization.Create("Acme");
        var rep = Rep.Create("Ana", "ana@acme.test", organization.Roles.First());
        var demos = organization.Activities.Single(a => a.Name == "Demos");

        Should.Throw<ArgumentNullException>(() => TimeLog.Create(null!, demos, Week, 1m));
        Should.Throw<ArgumentNullException>(() => TimeLog.Create(rep, null!, Week, 1m));
        TimeLog.Create(rep, demos, Week, 1m).Activity.ShouldBe(demos);
    }

    [Fact]
    public void A_week_by_rep_id_starts_as_a_draft_at_version_one()
    {
        var sheet = Timesheet.Start(9, Week, Now);

        (sheet.RepId, sheet.WeekStart, sheet.Status, sheet.Version, sheet.UpdatedAt).ShouldBe((9, Week.Monday, TimesheetStatus.Draft, 1, Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_week_by_rep_id_needs_a_saved_rep(int repId)
    {
        Should.Throw<DomainRuleException>(() => Timesheet.Start(repId, Week, Now)).Message.ShouldBe("A timesheet needs a saved rep.");
    }

    [Fact]
    public void A_week_needs_a_rep()
    {
        Should.Throw<ArgumentNullException>(() => Timesheet.Start(null!, Week, Now));
    }

    [Fact]
    public void A_lock_keeps_its_scope_last_week_author_and_time()
    {
        var lockPeriod = LockPeriod.Create(1, 7, Week, " Mia Manager ", Now);

        (lockPeriod.OrganizationId, lockPeriod.TeamId, lockPeriod.LockedThrough, lockPeriod.LastLockedWeek, lockPeriod.LockedBy, lockPeriod.CreatedAt)
            .ShouldBe((1, (int?)7, Week.Monday, Week, "Mia Manager", Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_lock_needs_a_saved_organisation(int organizationId)
    {
        Should.Throw<DomainRuleException>(() => LockPeriod.Create(organizationId, null, Week, "Mia", Now)).Message
            .ShouldBe("A lock period needs a saved organisation.");
    }

    [Fact]
    public void A_lock_needs_someone_who_locked()
    {
        Should.Throw<DomainRuleException>(() => LockPeriod.Create(1, null, Week, " ", Now)).Message.ShouldBe("Locked by is required.");
    }

    [Fact]
    public void An_approved_week_is_locked_whatever_the_lock_periods_and_says_who_approved_it()
    {
        var organization = Organization.Create("Acme");
        var sheet = Timesheet.Start(Rep.Create("Ana", "ana@acme.test", organization.Roles.First()), Week, Now);
        sheet.Submit(Now);
        sheet.Approve("Mia Manager", Now);

        LockPeriod.LockReason(Week, sheet, [], null, null)
            .ShouldBe("Week 2026-W47 is approved (by Mia Manager) and locked. The team's Manager, a Leader or an Admin can reopen it on Team week if it needs a correction.");
        Should.Throw<ArgumentNullException>(() => LockPeriod.LockReason(Week, sheet, null!, null, null));
    }

    [Fact]
    public void A_week_that_is_not_approved_and_not_covered_is_open()
    {
        var organization = Organization.Create("Acme");
        var sheet = Timesheet.Start(Rep.Create("Ana", "ana@acme.test", organization.Roles.First()), Week, Now);
        sheet.Submit(Now);

        LockPeriod.LockReason(Week, sheet, [LockPeriod.Create(1, 8, Week, "Mia", Now)], 7, "East").ShouldBeNull();
        Should.Throw<ArgumentNullException>(() => LockPeriod.LockReason(Week, sheet, null!, 7, "East"));
    }
}
