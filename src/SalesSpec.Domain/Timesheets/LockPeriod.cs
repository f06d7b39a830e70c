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
            return $"Week {week} is approved and locked{(sheet.ReviewedBy is null ? "" : $" (approved by {sheet.ReviewedBy})")}. Ask a manager to reopen it if it needs a correction.";
        }
        var covering = locks
            .Where(l => (l.TeamId is null || l.TeamId == teamId) && week.Monday <= l.LockedThrough)
            .OrderByDescending(l => l.LockedThrough)
            .FirstOrDefault();
        if (covering is null)
        {
            return null;
        }
        var scope = covering.TeamId is null ? "the whole organisation" : $"the {teamName} team";
        return $"Weeks up to {covering.LastLockedWeek} are locked for {scope} (by {covering.LockedBy}). Week {week} can no longer be changed.";
    }
}
