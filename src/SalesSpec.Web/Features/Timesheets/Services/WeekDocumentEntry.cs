namespace SalesSpec.Web.Features.Timesheets.Services;

public sealed record WeekDocumentEntry(string Activity, string Function, decimal Hours);
