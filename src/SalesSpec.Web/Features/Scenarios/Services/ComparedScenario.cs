using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>A column of the comparison: today (no draft) or a scenario.</summary>
public sealed record ComparedScenario(string Name, ScenarioOutcome Outcome, ScenarioDraft? Draft, DateOnly StartMonth)
{
    public bool IsToday => Draft is null;
}
