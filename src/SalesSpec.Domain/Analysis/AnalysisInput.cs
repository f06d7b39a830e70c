using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Analysis;

/// <summary>
/// Everything the analyzer needs, already aggregated. <see cref="Reps"/> holds every rep of the
/// organisation (rules of thumb count roles organisation-wide); <see cref="Hours"/> holds summed
/// hours per rep, ISO week and function — the CSV reader does that summing — or <see cref="Summed"/> the
/// period's sums as the database computes them from its weekly summary.
/// </summary>
public sealed record AnalysisInput
{
    public const int DefaultInboundLeadsThreshold = 200;

    public required OrganizationTemplate Template { get; init; }

    public decimal Threshold { get; init; } = Organization.DefaultThreshold;

    public decimal StandardWeeklyHours { get; init; } = Organization.DefaultStandardWeeklyHours;

    public required IsoWeek From { get; init; }

    public required IsoWeek To { get; init; }

    /// <summary>Null: the whole organisation; otherwise one team's name (case-insensitive).</summary>
    public string? Team { get; init; }

    public required IReadOnlyList<AnalysisRep> Reps { get; init; }

    /// <summary>Rep-week rows, summed by the analyzer; ignored when <see cref="Summed"/> is given.</summary>
    public IReadOnlyList<RepWeekHours> Hours { get; init; } = [];

    /// <summary>The period's hours already summed (by the database, from its weekly summary): the analyzer reads these instead of <see cref="Hours"/>.</summary>
    public PeriodHours? Summed { get; init; }

    /// <summary>Recorded monthly inbound lead counts; those of months overlapping the period are averaged.</summary>
    public IReadOnlyList<MonthlyLeads> LeadCounts { get; init; } = [];

    /// <summary>The organisation setting, used when no month of the period has a recorded count.</summary>
    public int? InboundLeadsPerMonth { get; init; }

    public int InboundLeadsThreshold { get; init; } = DefaultInboundLeadsThreshold;

    public bool HasSimpleSalesProcess { get; init; }

    public bool SucceedsWithGeneralists { get; init; }
}
