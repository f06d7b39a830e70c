using SalesSpec.Domain.Analysis;

namespace SalesSpec.Web.Features.Analysis;

public sealed record AnalysisOutcome(AnalysisResult? Result, bool OrganizationMissing, IReadOnlyList<string>? KnownTeams, string? ForbiddenReason = null)
{
    /// <summary>
    /// The aggregated input the result came from: a what-if (another threshold) re-runs the analyzer
    /// on it in memory instead of asking the database again.
    /// </summary>
    public AnalysisInput? Input { get; init; }

    /// <summary>The cached analysis this came from: what-ifs at other lines are kept on it.</summary>
    public AnalysisSnapshot? Snapshot { get; init; }

    /// <summary>Each rep's name by email, shared by every circuit that shows this analysis.</summary>
    public IReadOnlyDictionary<string, string>? RepNames { get; init; }

    public static AnalysisOutcome OrganizationNotFound { get; } = new(null, true, null);

    public static AnalysisOutcome TeamNotFound(IReadOnlyList<string> knownTeams) => new(null, false, knownTeams);

    public static AnalysisOutcome Forbidden(string reason) => new(null, false, null, reason);

    public static AnalysisOutcome Success(AnalysisResult result, AnalysisInput? input = null) => new(result, false, null) { Input = input };
}
