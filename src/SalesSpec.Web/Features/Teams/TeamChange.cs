namespace SalesSpec.Web.Features.Teams;

/// <summary>
/// A change to one team: the version it was read with, and only what changes (a new name, archived or restored,
/// the full list of its managers by membership id). The page and the API's PATCH send the same.
/// </summary>
public sealed record TeamChange(int? Version, string? Name = null, bool? Archived = null, IReadOnlyList<int>? Managers = null)
{
    public bool ChangesSomething => Name is not null || Archived is not null || Managers is not null;
}
