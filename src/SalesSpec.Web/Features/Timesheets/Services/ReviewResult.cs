namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>What a bulk action did: how many it applied to, a message per rep it could not, and how many emails it queued.</summary>
public sealed record ReviewResult(int Done, IReadOnlyList<string> Problems, int EmailsQueued = 0);
