namespace SalesSpec.Web.Features.People.Services;

/// <summary>The teams and roles a person can be given.</summary>
public sealed record PeopleOptions(IReadOnlyList<PeopleOption> Teams, IReadOnlyList<PeopleOption> Roles)
{
    /// <summary>The teams a person may be put in: the open ones, and the archived one they are in already.</summary>
    public IEnumerable<PeopleOption> TeamsFor(int? currentTeamId) => Teams.Where(t => !t.Archived || t.Id == currentTeamId);

    public string TeamName(int? id) => id is null ? "No team" : Teams.FirstOrDefault(t => t.Id == id)?.Name ?? "";

    public string RoleName(int? id) => Roles.FirstOrDefault(r => r.Id == id)?.Name ?? "";
}
