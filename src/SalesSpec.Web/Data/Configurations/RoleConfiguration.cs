using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.CoreWorkload).HasConversion<string>().HasMaxLength(32);
        // Cost and ramp are checked on save, so two people editing the settings at once cannot overwrite each
        // other: the values themselves are the token (an unchanged value loses nothing), no version column needed.
        builder.Property(r => r.AnnualLoadedCost).HasPrecision(12, 2).IsConcurrencyToken();
        builder.Property(r => r.RampMonths).IsConcurrencyToken();
        builder.HasIndex(r => new { r.OrganizationId, r.Name }).IsUnique();
    }
}
