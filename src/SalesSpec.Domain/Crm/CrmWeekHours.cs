using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Crm;

/// <summary>Hours derived from CRM records for one rep, week and activity.</summary>
public sealed record CrmWeekHours(string Email, IsoWeek Week, string Activity, decimal Hours, int Records);
