using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>
/// A scenario's unsaved board, kept in the browser's local storage so that a workshop's moves survive a dropped
/// connection, a reload or the loss of the server instance. <see cref="Version"/> is the saved version the moves
/// were made over: moves over an older version are offered, not applied unasked.
/// </summary>
public sealed record KeptScenario(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("draft")] ScenarioDraft Draft,
    [property: JsonPropertyName("savedAt")] DateTimeOffset SavedAt)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The local-storage key: one kept board per person, organisation and scenario.</summary>
    public static string Key(string userId, int organizationId, int scenarioId) =>
        string.Create(CultureInfo.InvariantCulture, $"salesspec:scenario-draft:{organizationId}:{scenarioId}:{userId}");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>What is kept, without when: the same board twice is one.</summary>
    public string Content() => (this with { SavedAt = default }).ToJson();

    /// <summary>The board stored under a key, or null for none or for anything this version cannot read.</summary>
    public static KeptScenario? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<KeptScenario>(json, Json) is { Draft: { Roles: not null, Hires: not null, HandOffs: not null } } kept ? kept : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
