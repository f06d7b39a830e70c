using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>
/// The scenario's key numbers against today, written out once: the board's sticky summary bar and the figure cards
/// of the report read them from here, so the two can never show a number differently.
/// </summary>
public sealed record ScenarioKeyFigures(
    string Focused,
    string FocusedToday,
    string AnnualCost,
    string AnnualCostToday,
    string AnnualCostDelta,
    string Firing,
    string FiringToday,
    string Internal,
    string InternalGuideline,
    IReadOnlyList<WorkloadGap> Gaps)
{
    public static ScenarioKeyFigures Of(ScenarioOutcome today, ScenarioOutcome scenario)
    {
        ArgumentNullException.ThrowIfNull(today);
        ArgumentNullException.ThrowIfNull(scenario);
        return new(
            ScenarioText.Percent(scenario.FocusedShare),
            ScenarioText.Percent(today.FocusedShare),
            ScenarioText.Money(scenario.AnnualCost),
            ScenarioText.Money(today.AnnualCost),
            ScenarioText.Delta(today.AnnualCost, scenario.AnnualCost),
            FiringOf(scenario),
            FiringOf(today),
            ScenarioText.Percent(scenario.Staffing.InternalShare),
            ScenarioText.Percent(StaffingPlan.Guideline),
            scenario.Workloads.Select(w => WorkloadGap.Of(w, today.Workloads.First(t => t.Workload == w.Workload))).ToList());
    }

    private static string FiringOf(ScenarioOutcome outcome)
    {
        var count = outcome.RulesStillFiring.Count;
        return count == 0 ? "none" : count.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>A workload's gap in hours a week and in FTE, in the scenario and today.</summary>
/// <param name="Shortfall">Whether the scenario leaves the workload short of hours (drawn in red).</param>
public sealed record WorkloadGap(Workload Workload, string Gap, string GapFte, string GapToday, bool Shortfall)
{
    /// <summary>The workload in a word or two: five full names do not fit one line of the board's summary bar at 1280 px.</summary>
    public string ShortLabel => Workload switch
    {
        Workload.InboundQualification => "Inbound",
        Workload.OutboundProspecting => "Outbound",
        Workload.DemandGeneration => "Demand gen",
        _ => Labels.Of(Workload),
    };

    public static WorkloadGap Of(WorkloadOutlook scenario, WorkloadOutlook today)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(today);
        return new(scenario.Workload, ScenarioText.SignedHours(Round(scenario.Gap)), ScenarioText.Fte(scenario.GapFte),
            ScenarioText.SignedHours(Round(today.Gap)), Round(scenario.Gap) < 0);
    }

    // Rounded to a tenth of an hour, so a gap of -0.04 h does not show as a shortfall.
    private static decimal Round(decimal hours) => decimal.Round(hours, 1);
}
