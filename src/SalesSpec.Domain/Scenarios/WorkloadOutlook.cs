using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Scenarios;

/// <summary>One workload under a scenario, in hours per week.</summary>
/// <param name="Demand">Hours per week observed on the workload, across everyone.</param>
/// <param name="Capacity">Σ FTE × standard weekly hours × (1 − allowed non-core) over the people whose core it is.</param>
/// <param name="Gap">Capacity − demand: negative when the specialists cannot take the work.</param>
/// <param name="GapFte">The gap in FTE: gap ÷ the standard week, as the analyzer counts FTE.</param>
/// <param name="People">People whose core workload it is.</param>
/// <param name="Focused">Of those, how many would be Focused.</param>
public sealed record WorkloadOutlook(Workload Workload, decimal Demand, decimal Capacity, decimal Gap, decimal GapFte, int People, int Focused);
