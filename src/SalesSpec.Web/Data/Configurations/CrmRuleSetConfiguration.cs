using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.Crm;

namespace SalesSpec.Web.Data.Configurations;

/// <summary>
/// The rule list is edited, saved and read as a whole, in order, so it is kept as one JSON text
/// column (the same on SQLite and PostgreSQL) rather than as rows to re-sequence on every move.
/// </summary>
internal sealed class CrmRuleSetConfiguration : IEntityTypeConfiguration<CrmRuleSet>
{
    public void Configure(EntityTypeBuilder<CrmRuleSet> builder)
    {
        builder.HasIndex(r => r.OrganizationId).IsUnique();
        builder.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Rules).HasJsonConversion<IReadOnlyList<ClassificationRule>, List<ClassificationRule>>();
        builder.Property(r => r.StandardMinutes).HasJsonConversion<IReadOnlyDictionary<CrmActivityType, int>, Dictionary<CrmActivityType, int>>();
    }
}
