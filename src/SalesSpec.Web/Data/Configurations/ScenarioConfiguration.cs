using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Web.Data.Configurations;

/// <summary>
/// A scenario's decisions are edited on the board and saved as a whole, so the moves, the new people
/// and the hand-off points are JSON text columns (the same on SQLite and PostgreSQL), not rows.
/// </summary>
internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<Scenario> builder)
    {
        builder.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.OrganizationId, s.Name });
        builder.Property(s => s.Name).HasMaxLength(Scenario.MaxNameLength);
        builder.Property(s => s.Notes).HasMaxLength(Scenario.MaxNotesLength);
        builder.Property(s => s.Focus).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.From);
        builder.Ignore(s => s.To);
        builder.Ignore(s => s.Plan);
        builder.Property(s => s.Roles).HasConversion(
            roles => JsonSerializer.Serialize(roles, Json),
            text => JsonSerializer.Deserialize<Dictionary<string, string>>(text, Json) ?? new Dictionary<string, string>(),
            Comparer<IReadOnlyDictionary<string, string>>(roles => roles.ToDictionary()));
        builder.Property(s => s.Hires).HasConversion(
            hires => JsonSerializer.Serialize(hires, Json),
            text => JsonSerializer.Deserialize<List<ScenarioHire>>(text, Json) ?? new List<ScenarioHire>(),
            Comparer<IReadOnlyList<ScenarioHire>>(hires => hires.ToList()));
        builder.Property(s => s.HandOffs).HasConversion(
            labels => JsonSerializer.Serialize(labels, Json),
            text => JsonSerializer.Deserialize<Dictionary<string, string>>(text, Json) ?? new Dictionary<string, string>(),
            Comparer<IReadOnlyDictionary<string, string>>(labels => labels.ToDictionary()));
    }

    private static ValueComparer<T> Comparer<T>(Func<T, T> snapshot) where T : class =>
        new(
            (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
            value => JsonSerializer.Serialize(value, Json).GetHashCode(StringComparison.Ordinal),
            value => snapshot(value));
}
