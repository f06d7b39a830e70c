using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.CoreWorkload).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.AnnualLoadedCost).HasPrecision(12, 2);
        builder.HasIndex(r => new { r.OrganizationId, r.Name }).IsUnique();
    }
}
