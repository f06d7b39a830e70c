using SalesSpec.Domain.Scenarios;
using SalesSpec.Web.Features.Scenarios.Services;

namespace SalesSpec.Web.Features.Scenarios.Api;

/// <summary>
/// A change to a scenario over the API. <see cref="Version"/> is the version read (a stale one gets 409);
/// every other field left out (null) keeps its saved value, and a field sent replaces it whole.
/// </summary>
/// <param name="Moves">Rep email → proposed role; the whole set of moves.</param>
public sealed record ScenarioUpdate(
    int Version,
    string? Name = null,
    string? Notes = null,
    DateOnly? StartMonth = null,
    IReadOnlyDictionary<string, string>? Moves = null,
    IReadOnlyList<ScenarioHire>? Hires = null,
    IReadOnlyDictionary<string, string>? HandOffs = null)
{
    public ScenarioDraft ApplyTo(ScenarioDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft with
        {
            Version = Version,
            Name = Name ?? draft.Name,
            Notes = Notes ?? draft.Notes,
            StartMonth = StartMonth ?? draft.StartMonth,
            Roles = Moves ?? draft.Roles,
            Hires = Hires ?? draft.Hires,
            HandOffs = HandOffs ?? draft.HandOffs,
        };
    }
}
