namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>How the team week's rows are ordered; <see cref="Status"/> puts the weeks waiting for review first, then the ones sent back, missing and in draft.</summary>
public enum TeamWeekSort
{
    Status,
    Name,
    Team,
    Hours,
}
