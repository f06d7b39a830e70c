namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>One activity's number for the week, in the entry's mode (hours or percent).</summary>
public sealed class WeekEntryLine
{
    public int ActivityId { get; set; }

    public string Activity { get; set; } = "";

    public SalesFunction Function { get; set; }

    public decimal? Value { get; set; }
}
