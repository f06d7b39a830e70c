namespace SalesSpec.Domain.Scenarios;

/// <summary>A scenario's decisions: the role each rep would have (reps not listed keep theirs), and the people to add.</summary>
public sealed record ScenarioPlan(IReadOnlyDictionary<string, string> Roles, IReadOnlyList<ScenarioHire> Hires)
{
    public static ScenarioPlan Today { get; } = new(new Dictionary<string, string>(), []);
}
