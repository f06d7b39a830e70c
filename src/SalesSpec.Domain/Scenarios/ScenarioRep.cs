using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Scenarios;

/// <summary>A rep of the analysed period: their role today and the hours they logged per function, per week on average.</summary>
public sealed record ScenarioRep(string Email, string Name, string? Team, string CurrentRole, IReadOnlyDictionary<SalesFunction, decimal> WeeklyHours);
