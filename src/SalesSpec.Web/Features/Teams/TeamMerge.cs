namespace SalesSpec.Web.Features.Teams;

/// <summary>Merging a team into another: the team that takes its people and managers, and the merged team's version.</summary>
public sealed record TeamMerge(int? Into, int? Version);
