namespace SalesSpec.Web.Features.Teams;

/// <summary>
/// Merging a team into another: the team that takes its people and managers, the merged team's version, and the
/// week its people join the other team (2026-W48; empty: this week).
/// </summary>
public sealed record TeamMerge(int? Into, int? Version, string? From = null);
