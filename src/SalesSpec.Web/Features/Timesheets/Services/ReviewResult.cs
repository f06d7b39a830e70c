namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>What a bulk action did: how many it applied to, and a message per rep it could not.</summary>
public sealed record ReviewResult(int Done, IReadOnlyList<string> Problems, int Emailed = 0);
