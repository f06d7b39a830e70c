using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Scenarios;

/// <summary>A role as scenarios see it: its core workload, and what a person in it costs and how long a new one takes to ramp.</summary>
/// <param name="AnnualCost">Loaded cost of one person for a year (salary, taxes, benefits, tools), in the organisation's currency.</param>
/// <param name="RampMonths">Months until a new hire works at full capacity; 0 for none.</param>
public sealed record ScenarioRole(string Name, Workload CoreWorkload, bool IsAnalysed, decimal AnnualCost, int RampMonths);
