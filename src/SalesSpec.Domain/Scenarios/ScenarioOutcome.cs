using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Scenarios;

/// <summary>What a scenario would give, once every hire has ramped (the <see cref="Months"/> show the way there).</summary>
/// <param name="FocusedShare">Focused people / people; 0 when there is nobody.</param>
/// <param name="CostPerHour">Loaded cost of one hour of each selling function, weighted by who would do it; null when nobody would.</param>
/// <param name="Recommendations">The analyzer re-run on the scenario's weeks: the rules that would still fire.</param>
public sealed record ScenarioOutcome(
    IReadOnlyList<WorkloadOutlook> Workloads,
    IReadOnlyList<PersonOutlook> People,
    decimal FocusedShare,
    decimal AnnualCost,
    IReadOnlyDictionary<SalesFunction, decimal?> CostPerHour,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<MonthCapacity> Months,
    StaffingPlan Staffing)
{
    /// <summary>The recommendations to act on: all but the caution against specialising, which qualifies the others.</summary>
    public IReadOnlyList<Recommendation> RulesStillFiring { get; } = Recommendations.Where(r => r.Kind != RecommendationKind.SpecializationCaution).ToList();
}
