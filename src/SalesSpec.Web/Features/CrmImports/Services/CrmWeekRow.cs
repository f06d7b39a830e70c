namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>Derived hours for one rep, ISO week and activity: what the import writes as time logs.</summary>
public sealed record CrmWeekRow(string Email, string Week, string Activity, SalesFunction Function, decimal Hours, int Records);
