namespace SalesSpec.Web.Features.People.Services;

/// <summary>One page of people: a search over name, email, team and role, a sort, and the page (from 1).</summary>
public sealed record RepQuery(string? Search = null, int Page = 1, int PageSize = RepQuery.DefaultPageSize, string? SortBy = null, bool Descending = false)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>What <see cref="SortBy"/> accepts, case-insensitively; anything else sorts by name.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["name", "email", "team", "role", "fte", "active"];
}
