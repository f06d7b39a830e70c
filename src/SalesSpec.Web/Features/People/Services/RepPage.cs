namespace SalesSpec.Web.Features.People.Services;

/// <summary>One page of people and how many match in all.</summary>
public sealed record RepPage(IReadOnlyList<RepDocument> Items, int Total, int Page, int PageSize);
