using SalesSpec.Domain.Scenarios;
using SalesSpec.Web.Features.Scenarios.Services;

namespace SalesSpec.Web.Features.Scenarios.Api;

/// <summary>One scenario over the API: its decisions and, recomputed on every read, its figures against today's.</summary>
/// <param name="Moves">Rep email → proposed role, for reps whose role would change.</param>
/// <param name="Hires">New people; <c>startMonth</c> 0 is the plan's first month.</param>
/// <param name="HandOffs">Hand-off point key (e.g. "Closing>PostSales") → label, where it differs from the default.</param>
/// <param name="MissingReps">Moved reps the period's analysis no longer has: kept, but left out of the figures.</param>
public sealed record ScenarioDocument(
    int Id,
    int Version,
    string Name,
    string Notes,
    string From,
    string To,
    DateOnly StartMonth,
    Workload? Focus,
    IReadOnlyDictionary<string, string> Moves,
    IReadOnlyList<ScenarioHire> Hires,
    IReadOnlyDictionary<string, string> HandOffs,
    IReadOnlyList<string> MissingReps,
    ScenarioFiguresDocument Today,
    ScenarioFiguresDocument Scenario)
{
    public static ScenarioDocument Of(ScenarioWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var draft = workspace.Draft;
        return new(draft.Id, draft.Version, draft.Name, draft.Notes, workspace.Baseline.From.ToString(), workspace.Baseline.To.ToString(),
            draft.StartMonth, draft.Focus, draft.Roles, draft.Hires, draft.HandOffs, workspace.MissingReps,
            ScenarioFiguresDocument.Of(workspace.TodayOutcome()), ScenarioFiguresDocument.Of(workspace.Evaluate(draft)));
    }
}
