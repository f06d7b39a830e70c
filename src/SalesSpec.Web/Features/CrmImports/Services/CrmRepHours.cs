namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>One rep's derived hours: how many weeks, and the average hours per week in each function.</summary>
public sealed record CrmRepHours(
    string Email,
    string Name,
    bool IsNew,
    int Weeks,
    string FirstWeek,
    string LastWeek,
    decimal Hours,
    IReadOnlyDictionary<SalesFunction, decimal> HoursPerWeekByFunction);
