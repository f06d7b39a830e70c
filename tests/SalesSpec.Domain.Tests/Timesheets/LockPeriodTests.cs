using SalesSpec.Domain.Common;
using SalesSpec.Domain.Timesheets;

namespace SalesSpec.Domain.Tests.Timesheets;

public sealed class LockPeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(44, 7, 43, true)]
    [InlineData(44, 7, 44, true)]
    [InlineData(44, 7, 45, false)]
    [InlineData(44, 8, 44, false)]
    [InlineData(44, null, 44, true)]
    public void A_lock_covers_whole_weeks_up_to_and_including_its_last_week_for_its_team(int lockedThrough, int? lockTeam, int week, bool locked)
    {
        var locks = new[] { LockPeriod.Create(1, lockTeam, IsoWeek.Of(2026, lockedThrough), "Mia Manager", Now) };

        var reason = LockPeriod.LockReason(IsoWeek.Of(2026, week), null, locks, teamId: 7, teamName: "Commercial");

        (reason is not null).ShouldBe(locked);
    }

    [Fact]
    public void The_reason_names_the_last_locked_week_the_scope_and_who_locked_it()
    {
        var locks = new[]
        {
            LockPeriod.Create(1, 7, IsoWeek.Of(2026, 40), "Mia Manager", Now),
            LockPeriod.Create(1, 7, IsoWeek.Of(2026, 44), "Mia Manager", Now),
            LockPeriod.Create(1, null, IsoWeek.Of(2026, 42), "Alex Admin", Now),
        };

        LockPeriod.LockReason(IsoWeek.Of(2026, 41), null, locks, 7, "Commercial")
            .ShouldBe("Weeks up to 2026-W44 are locked for the Commercial team (by Mia Manager). Week 2026-W41 can no longer be changed unless an Admin or a Leader lifts the lock.");
    }

    [Fact]
    public void The_whole_organisation_lock_applies_to_reps_in_no_team()
    {
        var locks = new[] { LockPeriod.Create(1, null, IsoWeek.Of(2026, 44), "Alex Admin", Now) };

        LockPeriod.LockReason(IsoWeek.Of(2026, 44), null, locks, null, null)
            .ShouldBe("Weeks up to 2026-W44 are locked for the whole organisation (by Alex Admin). Week 2026-W44 can no longer be changed unless an Admin or a Leader lifts the lock.");
    }

    [Fact]
    public void A_team_is_closed_through_the_later_of_its_own_locks_and_the_organisation_s()
    {
        var locks = new[]
        {
            LockPeriod.Create(1, 7, IsoWeek.Of(2026, 40), "Mia Manager", Now),
            LockPeriod.Create(1, null, IsoWeek.Of(2026, 42), "Alex Admin", Now),
            LockPeriod.Create(1, 8, IsoWeek.Of(2026, 45), "Sam Manager", Now),
        };

        LockPeriod.LockedThroughFor(locks, 7).ShouldBe(IsoWeek.Of(2026, 42));
        LockPeriod.LockedThroughFor(locks, 8).ShouldBe(IsoWeek.Of(2026, 45));
        LockPeriod.LockedThroughFor(locks, null).ShouldBe(IsoWeek.Of(2026, 42));
        LockPeriod.LockedThroughFor(locks.Where(l => l.TeamId == 8), 7).ShouldBeNull();
        LockPeriod.Scope(null, null).ShouldBe("the whole organisation");
        LockPeriod.Scope(7, "Commercial").ShouldBe("the Commercial team");
    }
}
