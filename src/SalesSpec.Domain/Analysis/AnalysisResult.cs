using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Analysis;

public sealed record AnalysisResult(
    IsoWeek From,
    IsoWeek To,
    int Weeks,
    OrganizationTemplate Template,
    decimal Threshold,
    decimal StandardWeeklyHours,
    decimal TotalHours,
    decimal SellingShare,
    IReadOnlyList<WorkloadFigure> Workloads,
    HoursShare NonSelling,
    IReadOnlyList<WeekMix> Weekly,
    IReadOnlyList<RepFigures> Reps,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<MissingTimesheet> MissingTimesheets);

public sealed record HoursShare(decimal Hours, decimal Share);

public sealed record WorkloadFigure(Workload Workload, IReadOnlyList<SalesFunction> Functions, decimal Hours, decimal Share);

public sealed record WeekMix(IsoWeek Week, decimal TotalHours, IReadOnlyList<WorkloadFigure> Workloads, HoursShare NonSelling);

public sealed record RepFigures(
    string Email,
    string Name,
    string? Team,
    string Role,
    Workload CoreWorkload,
    decimal Hours,
    decimal CoreShare,
    decimal NonCoreShare,
    decimal NonSellingShare,
    Focus Focus,
    IReadOnlyDictionary<SalesFunction, decimal> HoursByFunction);

public sealed record MissingTimesheet(string Email, IReadOnlyList<IsoWeek> Weeks);

/// <summary>
/// One recommendation with its evidence. <see cref="Share"/> … <see cref="Candidates"/> are set on
/// the two 80/20 kinds only.
/// </summary>
public sealed record Recommendation(
    RecommendationKind Kind,
    Workload? Workload,
    decimal? Share,
    decimal? WeeklyHours,
    decimal? FteEquivalent,
    int? SuggestedHeadcount,
    IReadOnlyList<string>? Candidates,
    bool Advisory,
    string Rationale,
    string Source);
