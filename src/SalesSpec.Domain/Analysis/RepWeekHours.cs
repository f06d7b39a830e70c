using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Analysis;

/// <summary>Hours one rep logged on one function in one ISO week (summed over activities).</summary>
public readonly record struct RepWeekHours(string Email, IsoWeek Week, SalesFunction Function, decimal Hours);
