using SalesSpec.Domain.Timesheets;

namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>One rep's line on the team week page. <see cref="Status"/> null means nothing was logged: missing.</summary>
public sealed record TeamWeekRow(
    int RepId,
    string Name,
    string Email,
    int? TeamId,
    string? Team,
    TimesheetStatus? Status,
    int? Version,
    decimal Hours,
    DateTimeOffset? SubmittedAt,
    string? ReviewComment,
    bool IsLocked)
{
    /// <summary>Has not handed the week in: the people a reminder goes to.</summary>
    public bool IsOutstanding => Status is null or TimesheetStatus.Draft or TimesheetStatus.Rejected;
}
