namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>A (rep, week) of an import file that may not be replaced, as the lock check query returns it.</summary>
internal sealed class LockedWeekRow
{
    public int Line { get; set; }

    public string Email { get; set; } = "";

    public DateOnly WeekStart { get; set; }

    public string? By { get; set; }

    public DateOnly LockedThrough { get; set; }
}
