using SalesSpec.Domain.Timesheets;

namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>One rep's week as the week page shows it.</summary>
public sealed record WeekView(
    int RepId,
    string RepName,
    int? TeamId,
    string? Team,
    string Role,
    Workload CoreWorkload,
    decimal Fte,
    IsoWeek Week,
    TimesheetStatus? Status,
    int? Version,
    string? LockReason,
    DateTimeOffset? SubmittedAt,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? ReviewComment,
    decimal CapacityHours,
    IReadOnlyList<WeekActivity> Activities,
    bool IsOwnWeek,
    bool MayReview)
{
    public bool IsReadOnly => LockReason is not null;

    public decimal TotalHours => Activities.Sum(a => a.Hours ?? 0m);
}
