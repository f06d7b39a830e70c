namespace SalesSpec.Web.Features.Analysis;

/// <summary>The query string of <c>GET /api/v1/organizations/{id}/analysis</c>, as typed.</summary>
public sealed record AnalysisQuery(string? From, string? To, string? Team);
