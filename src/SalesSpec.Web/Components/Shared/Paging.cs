namespace SalesSpec.Web.Components.Shared;

/// <summary>
/// The arithmetic and the words of a list shown a page at a time: how many pages, which page a request lands on, and
/// "1–25 of 10,000 reps". One place, so every paged list counts and reads the same.
/// </summary>
public static class Paging
{
    public static int PageCount(int count, int pageSize) => Math.Max(1, (count + pageSize - 1) / pageSize);

    /// <summary>The page to show: a page past the end (a search narrowed the list) shows the last one.</summary>
    public static int Clamp(int page, int count, int pageSize) => Math.Clamp(page, 1, PageCount(count, pageSize));

    /// <summary>"1–25 of 10,000 reps", "1–10 of 10 matching of 3,000 reps", or that none match.</summary>
    public static string Range(int page, int pageSize, int matching, int total, string noun = "reps")
    {
        if (matching == 0)
        {
            return total == 0 ? $"No {noun}" : $"No {noun} match";
        }
        var culture = CultureInfo.InvariantCulture;
        var first = ((page - 1) * pageSize) + 1;
        var last = Math.Min(page * pageSize, matching);
        var of = matching == total
            ? string.Create(culture, $"{total:N0} {noun}")
            : string.Create(culture, $"{matching:N0} matching of {total:N0} {noun}");
        return string.Create(culture, $"{first:N0}–{last:N0} of {of}");
    }
}
