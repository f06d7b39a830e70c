using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Scenarios;

/// <summary>Today, as measured over a period: what every scenario starts from and is compared with.</summary>
public sealed record ScenarioBaseline
{
    public required OrganizationTemplate Template { get; init; }

    public decimal StandardWeeklyHours { get; init; } = Organization.DefaultStandardWeeklyHours;

    public decimal Threshold { get; init; } = Organization.DefaultThreshold;

    public required IsoWeek From { get; init; }

    public required IsoWeek To { get; init; }

    public required IReadOnlyList<ScenarioRole> Roles { get; init; }

    /// <summary>The analysed reps with hours in the period (the analyzer's included reps).</summary>
    public required IReadOnlyList<ScenarioRep> Reps { get; init; }

    /// <summary>Passed on to the analyzer's rules of thumb when it is re-run on a scenario.</summary>
    public IReadOnlyList<MonthlyLeads> LeadCounts { get; init; } = [];

    public int? InboundLeadsPerMonth { get; init; }

    public bool HasSimpleSalesProcess { get; init; }

    public bool SucceedsWithGeneralists { get; init; }

    /// <summary>
    /// Today as the analysis measured it: each included rep's hours per function in an average week of the
    /// period — the analysis' own figures over the same weeks, so a workload's demand here is the weekly hours
    /// its recommendation states, on every screen.
    /// </summary>
    public static ScenarioBaseline FromAnalysis(AnalysisInput input, AnalysisResult result, IReadOnlyList<ScenarioRole> roles)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(roles);
        return new ScenarioBaseline
        {
            Template = input.Template,
            StandardWeeklyHours = input.StandardWeeklyHours,
            Threshold = input.Threshold,
            From = input.From,
            To = input.To,
            Roles = roles,
            Reps = result.Reps.Select(r => new ScenarioRep(r.Email, r.Name, r.Team, r.Role,
                Enum.GetValues<SalesFunction>().ToDictionary(f => f, f => r.HoursByFunction.GetValueOrDefault(f) / result.Weeks))).ToList(),
            LeadCounts = input.LeadCounts,
            InboundLeadsPerMonth = input.InboundLeadsPerMonth,
            HasSimpleSalesProcess = input.HasSimpleSalesProcess,
            SucceedsWithGeneralists = input.SucceedsWithGeneralists,
        };
    }
}
