namespace SalesSpec.Web.Features.TeamHistory;

/// <summary>
/// A team change about to be made, with what the rules need to judge it: who moves, from which week, where
/// their history starts, and the lock periods reaching that week of every team whose weeks would change
/// (the teams left, the team joined) and of the whole organisation.
/// </summary>
public sealed record TeamMoveCheck(string Who, IsoWeek Week, DateOnly HistoryStarts, IReadOnlyList<TeamMoveLock> Locks);
