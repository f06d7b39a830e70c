using SalesSpec.Domain.Analysis;
using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Dashboard.Services;

/// <summary>How the dashboard's rep lists are ordered.</summary>
public enum RepSort
{
    OutsideCoreJob,
    Name,
    Hours,
}

/// <summary>One page of an analysis' reps, how many match the search, and how many there are in all.</summary>
public sealed record RepListPage(IReadOnlyList<RepFigures> Items, int Matching, int Total, int Page, int PageCount)
{
    /// <summary>"1–25 of 10,000 reps", or the count that matched a search.</summary>
    public string Range(string noun = "reps") => Paging.Range(Page, RepListQuery.PageSize, Matching, Total, noun);
}

/// <summary>
/// A search, a sort and a page over the reps of an analysis. An organisation of 10,000 reps is searched and sorted
/// here, on the server, over the cached result every circuit shares; only one page of rows reaches the browser.
/// </summary>
public sealed record RepListQuery(string? Search = null, RepSort Sort = RepSort.OutsideCoreJob, int Page = 1)
{
    public const int PageSize = 25;

    /// <summary>The longest search kept: a name, an email or a team fits; anything longer is cut.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>
    /// A list's search, sort and page from the address, read defensively: an unknown sort is the default one, a page
    /// that is not a number the first.
    /// </summary>
    public static RepListQuery Read(string? search, string? sort, string? page) => new(
        AddressQuery.Search(search, MaxSearchLength),
        Enum.TryParse<RepSort>(sort, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(sort, out _) ? parsed : RepSort.OutsideCoreJob,
        AddressQuery.PageIndex(page) + 1);

    /// <summary>The sort as the address writes it; the default sort is left out.</summary>
    public static string? SortValue(RepSort sort) => sort == RepSort.OutsideCoreJob ? null : sort.ToString().ToLowerInvariant();

    public RepListPage Apply(IReadOnlyList<RepFigures> reps)
    {
        ArgumentNullException.ThrowIfNull(reps);
        var search = Search?.Trim();
        if (search is { Length: > MaxSearchLength })
        {
            search = search[..MaxSearchLength];
        }
        IEnumerable<RepFigures> matching = string.IsNullOrEmpty(search)
            ? reps
            : reps.Where(r => Matches(r, search));
        var sorted = Sort switch
        {
            RepSort.Name => matching.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Email, StringComparer.Ordinal),
            RepSort.Hours => matching.OrderByDescending(r => r.Hours).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
            _ => matching.OrderByDescending(r => r.NonCoreShare).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
        };
        var all = sorted.ToList();
        var page = Paging.Clamp(Page, all.Count, PageSize);
        return new RepListPage(all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), all.Count, reps.Count, page, Paging.PageCount(all.Count, PageSize));
    }

    private static bool Matches(RepFigures rep, string search) =>
        rep.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
        || rep.Email.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (rep.Team?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
        || rep.Role.Contains(search, StringComparison.OrdinalIgnoreCase);
}
