namespace SalesSpec.Web.Features.Teams;

/// <summary>A team's name, as it is typed to create or rename a team.</summary>
public sealed class TeamForm
{
    public string Name { get; set; } = "";
}
