using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>A scenario as the board edits it: its decisions and the version it was read at.</summary>
/// <param name="Roles">Rep email → proposed role, for reps whose role would change.</param>
/// <param name="HandOffs">Hand-off edge key → label, where it differs from the default.</param>
public sealed record ScenarioDraft(
    int Id,
    int Version,
    string Name,
    string Notes,
    DateOnly StartMonth,
    Workload? Focus,
    IReadOnlyDictionary<string, string> Roles,
    IReadOnlyList<ScenarioHire> Hires,
    IReadOnlyDictionary<string, string> HandOffs)
{
    public ScenarioPlan Plan => new(Roles, Hires);

    public static ScenarioDraft Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new(scenario.Id, scenario.Version, scenario.Name, scenario.Notes, scenario.StartMonth, scenario.Focus,
            scenario.Roles, scenario.Hires, scenario.HandOffs);
    }
}
