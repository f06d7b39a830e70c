using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.Crm;

namespace SalesSpec.Web.Data.Configurations;

/// <summary>
/// The rule list is edited, saved and read as a whole, in order, so it is kept as one JSON text
/// column (the same on SQLite and PostgreSQL) rather than as rows to re-sequence on every move.
/// </summary>
internal sealed class CrmRuleSetConfiguration : IEntityTypeConfiguration<CrmRuleSet>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public void Configure(EntityTypeBuilder<CrmRuleSet> builder)
    {
        builder.HasIndex(r => r.OrganizationId).IsUnique();
        builder.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Rules)
            .HasConversion(
                rules => JsonSerializer.Serialize(rules, Json),
                text => JsonSerializer.Deserialize<List<ClassificationRule>>(text, Json) ?? new List<ClassificationRule>(),
                new ValueComparer<IReadOnlyList<ClassificationRule>>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    rules => JsonSerializer.Serialize(rules, Json).GetHashCode(StringComparison.Ordinal),
                    rules => rules.ToList()));
        builder.Property(r => r.StandardMinutes)
            .HasConversion(
                minutes => JsonSerializer.Serialize(minutes, Json),
                text => JsonSerializer.Deserialize<Dictionary<CrmActivityType, int>>(text, Json) ?? new Dictionary<CrmActivityType, int>(),
                new ValueComparer<IReadOnlyDictionary<CrmActivityType, int>>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    minutes => JsonSerializer.Serialize(minutes, Json).GetHashCode(StringComparison.Ordinal),
                    minutes => minutes.ToDictionary()));
    }
}
