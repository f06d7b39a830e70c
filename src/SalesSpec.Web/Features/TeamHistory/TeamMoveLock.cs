namespace SalesSpec.Web.Features.TeamHistory;

/// <summary>A lock period as a team change sees it: whose it is (null: the whole organisation), the last locked week, and who locked it.</summary>
public sealed record TeamMoveLock(int? TeamId, string? TeamName, IsoWeek Through, string LockedBy);
