using System.Text.Json;
using System.Text.Json.Serialization;
using SalesSpec.Domain.Common;

namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>
/// A week's unsaved edits as kept in the browser's local storage, so they survive a dropped connection, a reload
/// and the loss of the server instance (the circuit holding them). What the person typed is kept as typed, per
/// activity, with the version of the week they typed over: edits over an older version are not applied unasked.
/// </summary>
public sealed record WeekDraft(
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("mode")] EntryMode Mode,
    [property: JsonPropertyName("cells")] IReadOnlyDictionary<int, string> Cells,
    [property: JsonPropertyName("savedAt")] DateTimeOffset SavedAt)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The local-storage key: one draft per person, organisation, rep and week.</summary>
    public static string Key(string userId, int organizationId, int repId, IsoWeek week) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"salesspec:week-draft:{organizationId}:{repId}:{week}:{userId}");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>What the draft holds, without when it was written: two drafts with the same content are one.</summary>
    public string Content() => (this with { SavedAt = default }).ToJson();

    /// <summary>The draft stored under a key, or null for none or for anything this version cannot read.</summary>
    public static WeekDraft? Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<WeekDraft>(json, Json) is { Cells: not null } draft ? draft : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
