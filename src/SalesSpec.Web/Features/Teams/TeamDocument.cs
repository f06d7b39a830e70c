namespace SalesSpec.Web.Features.Teams;

/// <summary>A team as the teams page and the API show it, with the version to send back with a change.</summary>
public sealed record TeamDocument(
    int Id,
    string Name,
    int People,
    IReadOnlyList<TeamManager> Managers,
    bool Archived,
    int Version);
