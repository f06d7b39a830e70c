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
    private const int MaxPage = 1_000_000;

    /// <summary>The search (trimmed), the zero-based page and the page size from the query's raw values.</summary>
    public static (string Search, int Page, int Size) Read(string? search, string? pageNumber, string? pageSize)
    {
        var text = (search ?? "").Trim();
        if (text.Length > MaxSearchLength)
        {
            text = text[..MaxSearchLength];
        }
        // Capped so that page × size cannot overflow in the database's OFFSET.
        // Read as text, not as int?: Blazor would answer "?page=abc" with an error page before this code ran.
        var page = int.TryParse(pageNumber, out var number) && number > 1 ? Math.Min(number - 1, MaxPage) : 0;
        var size = int.TryParse(pageSize, out var wanted) && PageSizes.Contains(wanted) ? wanted : DefaultPageSize;
        return (text, page, size);
    }
}
