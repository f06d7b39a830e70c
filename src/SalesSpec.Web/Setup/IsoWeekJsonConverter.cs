using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesSpec.Web.Setup;

/// <summary>An ISO week travels as "2026-W36" in every API answer and request, never as an object.</summary>
public sealed class IsoWeekJsonConverter : JsonConverter<IsoWeek>
{
    public override IsoWeek Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && IsoWeek.TryParse(reader.GetString(), out var week)
            ? week
            : throw new JsonException("An ISO week is written like \"2026-W36\".");

    public override void Write(Utf8JsonWriter writer, IsoWeek value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
