namespace SalesSpec.Web.Features.People.Services;

/// <summary>A team or role to pick for a person; archived teams are offered only to those already in them.</summary>
public sealed record PeopleOption(int Id, string Name, bool Archived = false);
