using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Audit;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class SystemAuditEntryConfiguration : IEntityTypeConfiguration<SystemAuditEntry>
{
    public void Configure(EntityTypeBuilder<SystemAuditEntry> builder)
    {
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.UserEmail).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.OrganizationName).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(2000);
        builder.HasIndex(a => a.At);
    }
}
