namespace SalesSpec.Web.Components.Shared;

/// <summary>
/// Values of a static page's address query, read defensively: the address bar is input like any other. They come
/// in as text, not as int?, because Blazor would answer "?page=abc" with an error page before the page's code ran.
/// </summary>
public static class AddressQuery
{
    /// <summary>The highest zero-based page read, so that page × size cannot overflow in the database's OFFSET.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>The search, trimmed and cut to the box's length.</summary>
    public static string Search(string? search, int maxLength)
    {
        var text = (search ?? "").Trim();
        return text.Length > maxLength ? text[..maxLength] : text;
    }

    /// <summary>The zero-based page from the address's one-based number (anything else: the first page).</summary>
    public static int PageIndex(string? pageNumber) =>
        int.TryParse(pageNumber, out var number) && number > 1 ? Math.Min(number - 1, MaxPage) : 0;
}
