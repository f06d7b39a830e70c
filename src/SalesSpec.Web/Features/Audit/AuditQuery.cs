using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Audit;

/// <summary>
/// The audit page's address query, read defensively: the address bar is input like any other, so a page number
/// below one, a page size that is not offered or a search longer than the box allows falls back to something sane.
/// </summary>
public static class AuditQuery
{
    public const int MaxSearchLength = 200;
    public const int DefaultPageSize = 50;
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100, 200];

    /// <summary>The search (trimmed), the zero-based page and the page size from the query's raw values.</summary>
    public static (string Search, int Page, int Size) Read(string? search, string? pageNumber, string? pageSize)
    {
        // Read as text, as AddressQuery explains.
        var size = int.TryParse(pageSize, out var wanted) && PageSizes.Contains(wanted) ? wanted : DefaultPageSize;
        return (AddressQuery.Search(search, MaxSearchLength), AddressQuery.PageIndex(pageNumber), size);
    }
}
