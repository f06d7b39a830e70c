namespace SalesSpec.Web.Features.Timesheets;

public sealed record WeekDocumentEntry(string Activity, string Function, decimal Hours);
