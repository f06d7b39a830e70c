namespace SalesSpec.Web.Features.Organizations.Services;

/// <summary>The first-run checklist of a new client: teams, people, the catalogue, then time logs.</summary>
public sealed record SetupProgress(bool HasTeams, bool HasPeople, bool CatalogueReviewed)
{
    public int StepsDone => (HasTeams ? 1 : 0) + (HasPeople ? 1 : 0) + (CatalogueReviewed ? 1 : 0);
}
