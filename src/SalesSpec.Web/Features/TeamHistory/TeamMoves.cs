using FluentValidation;

namespace SalesSpec.Web.Features.TeamHistory;

/// <summary>Team changes from a given week, as People (edit, bulk move, API) and Teams (merge) make them: checked, then recorded in the rep's history.</summary>
public static class TeamMoves
{
    /// <summary>Every lock period reaching <paramref name="week"/>; read once for a batch of moves.</summary>
    public static async Task<IReadOnlyList<TeamMoveLock>> LocksReachingAsync(SalesSpecDbContext db, IsoWeek week, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var locks = await db.LockPeriods.AsNoTracking()
            .Where(l => l.LockedThrough >= week.Monday)
            .Select(l => new { l.TeamId, Team = db.Teams.Where(t => t.Id == l.TeamId).Select(t => t.Name).FirstOrDefault(), l.LockedThrough, l.LockedBy })
            .ToListAsync(cancellationToken);
        return locks.Select(l => new TeamMoveLock(l.TeamId, l.Team, IsoWeek.FromMonday(l.LockedThrough), l.LockedBy)).ToList();
    }

    /// <summary>
    /// Moves <paramref name="rep"/> (loaded with its team history) to <paramref name="team"/> from <paramref name="week"/>;
    /// answers why not instead. Staying in the same team changes nothing.
    /// </summary>
    public static async Task<Outcome<Rep>> MoveAsync(
        IValidator<TeamMoveCheck> validator, Rep rep, Team? team, IsoWeek week, IReadOnlyList<TeamMoveLock> locks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(locks);
        if (team?.Id == rep.TeamId)
        {
            return Outcome.Done(rep);
        }
        // The weeks that change hands: from the effective week on, taken from whichever teams had them, given to the new one.
        var touched = rep.TeamAssignments.Where(a => a.ToWeek is null || a.ToWeek > week.Monday).Select(a => a.TeamId).Append(team?.Id).ToHashSet();
        var change = new TeamMoveCheck(
            rep.Name, week, rep.TeamAssignments.Min(a => a.FromWeek),
            locks.Where(l => l.TeamId is null || touched.Contains(l.TeamId)).ToList());
        var check = await validator.CheckAsync(change, cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<Rep>();
        }
        rep.MoveToTeam(team, week);
        return Outcome.Done(rep);
    }
}
