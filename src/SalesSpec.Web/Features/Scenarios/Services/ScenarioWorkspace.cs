using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>Everything the board, the comparison and the report need about one scenario: its decisions, today as measured, and the roles.</summary>
/// <param name="Today">The analysis of the scenario's period, as the dashboard shows it.</param>
/// <param name="RolesWithoutCost">Analysed roles nobody has given a cost: their people count as 0 in costs.</param>
/// <param name="MissingReps">Moved reps that are no longer in the period's analysis (left, or their hours were removed).</param>
public sealed record ScenarioWorkspace(
    string OrganizationName,
    ScenarioDraft Draft,
    ScenarioBaseline Baseline,
    AnalysisResult Today,
    IReadOnlyList<string> RolesWithoutCost,
    IReadOnlyList<string> MissingReps)
{
    public IReadOnlyList<HandOffEdge> HandOffs => HandOffEdge.Of(Baseline.Template);

    public ScenarioOutcome Evaluate(ScenarioDraft draft) => ScenarioModel.Evaluate(Baseline, Usable(draft).Plan);

    public ScenarioOutcome TodayOutcome() => ScenarioModel.Evaluate(Baseline, ScenarioPlan.Today);

    /// <summary>The draft without moves of reps the period no longer has, or into roles that no longer exist.</summary>
    public ScenarioDraft Usable(ScenarioDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var reps = Baseline.Reps.Select(r => r.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var roles = Baseline.Roles.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return draft with
        {
            Roles = draft.Roles.Where(r => reps.Contains(r.Key) && roles.Contains(r.Value)).ToDictionary(),
            Hires = draft.Hires.Where(h => roles.Contains(h.Role)).ToList(),
        };
    }
}
