using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Organizations.Services;

/// <summary>The columns the overview's rep list sorts by, as they appear in its address (<c>?sort=hours</c>).</summary>
public enum OverviewRepSort
{
    Name,
    Team,
    Role,
    Workload,
    Hours,
    Weeks,
    Status,
}

/// <summary>One page of the overview's rep list, with how many reps the search left.</summary>
public sealed record OverviewRepPage(IReadOnlyList<RepRow> Rows, int Matching, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);
}

/// <summary>
/// The overview's rep list as its address asks for it (search, sort, page): the page is static, so these come from
/// the query string. Read defensively (the address bar is input like any other); sorting is stable, with the name
/// as the tie-break, so a page never repeats or skips a rep.
/// </summary>
public static class OverviewRepQuery
{
    public const int MaxSearchLength = 200;
    public const int PageSize = 25;

    private static readonly StringComparer Text = StringComparer.OrdinalIgnoreCase;

    /// <summary>The search (trimmed, cut to the box's length), the sort column, its direction and the zero-based page.</summary>
    public static (string Search, OverviewRepSort? Sort, bool Descending, int Page) Read(string? search, string? sort, string? descending, string? pageNumber)
    {
        OverviewRepSort? column = Enum.TryParse<OverviewRepSort>(sort, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        // Read as text, as AddressQuery explains.
        var down = column is not null && bool.TryParse(descending, out var flag) && flag;
        return (AddressQuery.Search(search, MaxSearchLength), column, down, AddressQuery.PageIndex(pageNumber));
    }

    /// <summary>Filters (name, email, team, role, any part, any case), sorts and cuts one page; a page past the end gives the last.</summary>
    public static OverviewRepPage Apply(IReadOnlyList<RepRow> reps, string search, OverviewRepSort? sort, bool descending, int page)
    {
        ArgumentNullException.ThrowIfNull(reps);
        IEnumerable<RepRow> matching = search.Length == 0 ? reps : reps.Where(rep => Matches(rep, search));
        if (sort is OverviewRepSort column)
        {
            var ordered = column switch
            {
                OverviewRepSort.Team => By(matching, r => r.Team ?? "", Text, descending),
                OverviewRepSort.Role => By(matching, r => r.Role, Text, descending),
                OverviewRepSort.Workload => By(matching, r => Labels.Of(r.CoreWorkload), Text, descending),
                OverviewRepSort.Hours => By(matching, r => r.Hours, Comparer<decimal>.Default, descending),
                // Reps outside the analysis have no weeks to count: they come before anyone who logged none.
                OverviewRepSort.Weeks => By(matching, r => r.IsAnalysed ? r.WeeksLogged : -1, Comparer<int>.Default, descending),
                OverviewRepSort.Status => By(matching, r => r.IsActive ? 0 : 1, Comparer<int>.Default, descending),
                _ => By(matching, r => r.Name, Text, descending),
            };
            matching = ordered.ThenBy(r => r.Name, Text).ThenBy(r => r.Id);
        }
        var all = matching.ToList();
        var last = Math.Max(0, (all.Count - 1) / PageSize);
        var shown = Math.Min(page, last);
        return new OverviewRepPage(all.Skip(shown * PageSize).Take(PageSize).ToList(), all.Count, shown, PageSize);
    }

    private static bool Matches(RepRow rep, string search) =>
        rep.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
        || rep.Email.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (rep.Team?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
        || rep.Role.Contains(search, StringComparison.OrdinalIgnoreCase);

    private static IOrderedEnumerable<RepRow> By<TKey>(IEnumerable<RepRow> reps, Func<RepRow, TKey> key, IComparer<TKey> comparer, bool descending) =>
        descending ? reps.OrderByDescending(key, comparer) : reps.OrderBy(key, comparer);
}
