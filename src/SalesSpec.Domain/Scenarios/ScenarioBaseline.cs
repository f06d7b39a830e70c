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
    /// Today as the analysis measured it: each included rep's hours per function, per week they logged
    /// (their typical week: a missed timesheet is not a week without work).
    /// </summary>
    public static ScenarioBaseline FromAnalysis(AnalysisInput input, AnalysisResult result, IReadOnlyList<ScenarioRole> roles)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(roles);
        var weeks = input.Hours
            .Where(h => h.Week >= input.From && h.Week <= input.To && h.Hours > 0)
            .GroupBy(h => h.Email, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(h => h.Week).Distinct().Count(), StringComparer.OrdinalIgnoreCase);
        return new ScenarioBaseline
        {
            Template = input.Template,
            StandardWeeklyHours = input.StandardWeeklyHours,
            Threshold = input.Threshold,
            From = input.From,
            To = input.To,
            Roles = roles,
            Reps = result.Reps.Select(r => new ScenarioRep(r.Email, r.Name, r.Team, r.Role,
                Enum.GetValues<SalesFunction>().ToDictionary(f => f, f => r.HoursByFunction.GetValueOrDefault(f) / Math.Max(1, weeks.GetValueOrDefault(r.Email))))).ToList(),
            LeadCounts = input.LeadCounts,
            InboundLeadsPerMonth = input.InboundLeadsPerMonth,
            HasSimpleSalesProcess = input.HasSimpleSalesProcess,
            SucceedsWithGeneralists = input.SucceedsWithGeneralists,
        };
    }
}
