namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>An activity of the catalogue with the rep's hours this week and whether they used it lately.</summary>
public sealed record WeekActivity(int ActivityId, string Name, SalesFunction Function, bool IsCatchAll, decimal? Hours, bool UsedRecently);
