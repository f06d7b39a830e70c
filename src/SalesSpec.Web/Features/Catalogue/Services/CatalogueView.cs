namespace SalesSpec.Web.Features.Catalogue.Services;

/// <summary>The catalogue in its order, with the hours of the weeks <see cref="From"/> to <see cref="To"/> (ISO weeks).</summary>
public sealed record CatalogueView(string From, string To, IReadOnlyList<CatalogueRow> Activities, bool MayEdit);
