namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>A rep's split of one week: core selling, selling outside the core job, and non-selling time.</summary>
public sealed record WeekFocus(IsoWeek Week, decimal Hours, decimal CoreShare, decimal NonCoreShare, decimal NonSellingShare);
