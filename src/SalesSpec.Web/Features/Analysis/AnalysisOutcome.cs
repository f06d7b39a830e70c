using SalesSpec.Domain.Analysis;

namespace SalesSpec.Web.Features.Analysis;

public sealed record AnalysisOutcome(AnalysisResult? Result, bool OrganizationMissing, IReadOnlyList<string>? KnownTeams, string? ForbiddenReason = null)
{
    public static AnalysisOutcome OrganizationNotFound { get; } = new(null, true, null);

    public static AnalysisOutcome TeamNotFound(IReadOnlyList<string> knownTeams) => new(null, false, knownTeams);

    public static AnalysisOutcome Forbidden(string reason) => new(null, false, null, reason);

    public static AnalysisOutcome Success(AnalysisResult result) => new(result, false, null);
}
