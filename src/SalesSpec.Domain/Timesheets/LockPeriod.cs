using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Timesheets;

/// <summary>
/// "Every week up to and including this one is closed" for a team, or for the whole organisation
/// when <see cref="TeamId"/> is null — e.g. once a month's figures have gone to finance.
/// </summary>
public sealed class LockPeriod
{
    private LockPeriod()
    {
        LockedBy = "";
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public int? TeamId { get; private set; }

    /// <summary>The Monday of the last locked ISO week: the unit of locking is the whole week.</summary>
    public DateOnly LockedThrough { get; private set; }

    public IsoWeek LastLockedWeek => IsoWeek.FromMonday(LockedThrough);

    public string LockedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static LockPeriod Create(int organizationId, int? teamId, IsoWeek lastLockedWeek, string lockedBy, DateTimeOffset now)
    {
        if (organizationId <= 0)
        {
            throw new DomainRuleException("A lock period needs a saved organisation.");
        }
        return new LockPeriod
        {
            OrganizationId = organizationId,
            TeamId = teamId,
            LockedThrough = lastLockedWeek.Monday,
            LockedBy = Guard.Name(lockedBy, "Locked by"),
            CreatedAt = now,
        };
    }

    /// <summary>Why a rep's week cannot be edited, or null when it can.</summary>
    public static string? LockReason(IsoWeek week, Timesheet? sheet, IEnumerable<LockPeriod> locks, int? teamId, string? teamName)
    {
        ArgumentNullException.ThrowIfNull(locks);
        if (sheet?.Status == TimesheetStatus.Approved)
        {
            // Read by the rep and by their reviewer alike, so it names who can reopen it rather than "ask a manager".
            return $"Week {week} is approved{(sheet.ReviewedBy is null ? "" : $" (by {sheet.ReviewedBy})")} and locked. The team's Manager, a Leader or an Admin can reopen it on Team week if it needs a correction.";
        }
        var covering = Covering(locks, teamId, week);
        if (covering is null)
        {
            return null;
        }
        return $"Weeks up to {covering.LastLockedWeek} are locked for {Scope(covering.TeamId, teamName)} (by {covering.LockedBy}). Week {week} can no longer be changed unless an Admin or a Leader lifts the lock.";
    }

    /// <summary>The last week closed for a team by its own locks or the organisation's (for the organisation when <paramref name="teamId"/> is null: its own locks only).</summary>
    public static IsoWeek? LockedThroughFor(IEnumerable<LockPeriod> locks, int? teamId)
    {
        ArgumentNullException.ThrowIfNull(locks);
        var through = locks.Where(l => l.TeamId is null || l.TeamId == teamId).Select(l => (DateOnly?)l.LockedThrough).Max();
        return through is { } monday ? IsoWeek.FromMonday(monday) : null;
    }

    /// <summary>"the Commercial team" or "the whole organisation".</summary>
    public static string Scope(int? teamId, string? teamName) => teamId is null ? "the whole organisation" : $"the {teamName} team";

    private static LockPeriod? Covering(IEnumerable<LockPeriod> locks, int? teamId, IsoWeek week) =>
        locks
            .Where(l => (l.TeamId is null || l.TeamId == teamId) && week.Monday <= l.LockedThrough)
            .OrderByDescending(l => l.LockedThrough)
            .FirstOrDefault();
}
