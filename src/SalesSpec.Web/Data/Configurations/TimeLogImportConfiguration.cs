using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Imports.History;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class TimeLogImportConfiguration : IEntityTypeConfiguration<TimeLogImport>
{
    public void Configure(EntityTypeBuilder<TimeLogImport> builder)
    {
        builder.Ignore(i => i.KeptUntil);
        builder.Property(i => i.UserId).HasMaxLength(450);
        builder.Property(i => i.ImportedBy).HasMaxLength(200);
        builder.Property(i => i.RolledBackBy).HasMaxLength(200);
        builder.Property(i => i.Summary).HasMaxLength(2000);
        builder.HasIndex(i => i.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
    }
}
