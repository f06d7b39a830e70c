using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Scenarios;

/// <summary>Capacity per workload in one month of the plan (0 = the first), with new hires counted as far as they have ramped.</summary>
public sealed record MonthCapacity(int Month, IReadOnlyDictionary<Workload, decimal> Capacity);
