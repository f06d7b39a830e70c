using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesSpec.Web.Data.Configurations;

/// <summary>
/// A list or map that is edited, saved and read as a whole, kept as one JSON text column (the same on
/// SQLite and PostgreSQL) and compared by its JSON, so a replaced value is saved and an equal one is not.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <typeparam name="TStored">The concrete type read back, such as <c>List&lt;T&gt;</c> for an <c>IReadOnlyList&lt;T&gt;</c>.</typeparam>
    public static PropertyBuilder<T> HasJsonConversion<T, TStored>(this PropertyBuilder<T> property)
        where T : class
        where TStored : class, T, new() =>
        property.HasConversion(
            value => JsonSerializer.Serialize(value, Json),
            text => JsonSerializer.Deserialize<TStored>(text, Json) ?? new TStored(),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                value => JsonSerializer.Serialize(value, Json).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<TStored>(JsonSerializer.Serialize(value, Json), Json)!));
}
