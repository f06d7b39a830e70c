namespace SalesSpec.Web.Features.Analysis;

/// <summary>
/// The query string of <c>GET /api/v1/organizations/{id}/analysis</c> (and its CSV and Excel forms), as typed.
/// <paramref name="Line"/> is a what-if 80/20 line in percent ("30"), as on the dashboard's slider; blank means the
/// organisation's own line.
/// </summary>
public sealed record AnalysisQuery(string? From, string? To, string? Team, string? Line = null);
