namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>An activity by name (as in the catalogue and the CSV format) and its hours, or percent in percent mode.</summary>
public sealed record WeekUpdateEntry(string? Activity, decimal? Value);
