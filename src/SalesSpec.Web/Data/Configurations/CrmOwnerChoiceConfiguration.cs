using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.CrmImports.Services;

namespace SalesSpec.Web.Data.Configurations;

/// <summary>One row per organisation and owner as written: saying it again replaces what was said.</summary>
internal sealed class CrmOwnerChoiceConfiguration : IEntityTypeConfiguration<CrmOwnerChoice>
{
    public void Configure(EntityTypeBuilder<CrmOwnerChoice> builder)
    {
        builder.Property(c => c.Owner).HasMaxLength(CrmOwnerChoice.MaxOwnerLength);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.HasIndex(c => new { c.OrganizationId, c.Owner }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
