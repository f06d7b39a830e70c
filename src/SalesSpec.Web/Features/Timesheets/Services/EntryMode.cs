namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>How a rep enters their week: hours per activity, or a percentage of their standard week.</summary>
public enum EntryMode
{
    Hours,
    Percent,
}
