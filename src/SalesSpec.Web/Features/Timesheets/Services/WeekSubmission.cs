namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>The body of a submit: the version last read, so a week changed meanwhile is not submitted unseen.</summary>
public sealed record WeekSubmission(int? Version);
