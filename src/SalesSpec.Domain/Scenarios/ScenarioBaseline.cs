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
}
