namespace SalesSpec.Web.Features.People.Services;

/// <summary>The answer to a bulk move: how many people were moved.</summary>
public sealed record RepMoved(int Moved);
