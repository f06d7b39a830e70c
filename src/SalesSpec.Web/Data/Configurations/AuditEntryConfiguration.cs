using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Audit;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Action).HasMaxLength(16);
        builder.Property(a => a.EntityType).HasMaxLength(64);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.Summary).HasMaxLength(2000);
        builder.HasIndex(a => new { a.OrganizationId, a.At });
    }
}
