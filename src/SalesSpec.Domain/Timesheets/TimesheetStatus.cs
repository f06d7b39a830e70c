namespace SalesSpec.Domain.Timesheets;

/// <summary>Where a rep's week is in review. A week with no timesheet is "missing".</summary>
public enum TimesheetStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
}
