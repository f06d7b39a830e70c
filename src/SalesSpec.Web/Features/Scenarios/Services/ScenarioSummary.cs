namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>A line of the scenario list.</summary>
public sealed record ScenarioSummary(int Id, string Name, IsoWeek From, IsoWeek To, Workload? Focus, int Moves, int NewPeople, DateTimeOffset UpdatedAt, int Version);
