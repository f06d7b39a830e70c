using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Web.Features.Scenarios.Api;

/// <summary>A scenario's figures (or today's) over the API, once every hire has ramped: as the board shows them.</summary>
/// <param name="FocusedShare">Focused people / people, 0 to 1.</param>
/// <param name="AnnualCost">Loaded cost a year of everyone analysed, new people included.</param>
/// <param name="Workloads">Per workload: weekly demand and capacity in hours, the gap in hours and in people, specialists and those Focused.</param>
/// <param name="RulesStillFiring">The analyzer re-run on the scenario's weeks (the caution against specialising left out).</param>
public sealed record ScenarioFiguresDocument(
    int People,
    decimal FocusedShare,
    decimal AnnualCost,
    IReadOnlyList<WorkloadOutlook> Workloads,
    IReadOnlyList<Recommendation> RulesStillFiring)
{
    public static ScenarioFiguresDocument Of(ScenarioOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.People.Count, outcome.FocusedShare, outcome.AnnualCost, outcome.Workloads, outcome.RulesStillFiring);
    }
}
