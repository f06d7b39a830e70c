namespace SalesSpec.Web.Features.Catalogue.Services;

/// <summary>
/// One activity of the catalogue as the page and the API show it: <see cref="Name"/> is the stored name that
/// files use, <see cref="DisplayName"/> the one people read; hours are those logged in the view's weeks.
/// </summary>
public sealed record CatalogueRow(
    int Id,
    string Name,
    string DisplayName,
    SalesFunction Function,
    bool IsCatchAll,
    bool Archived,
    int SortOrder,
    decimal Hours,
    int Version);
