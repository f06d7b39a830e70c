using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Template).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.Threshold).HasPrecision(5, 4);
        builder.Property(o => o.StandardWeeklyHours).HasPrecision(5, 2);
        builder.Property(o => o.TimeZone).HasMaxLength(64);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasMany(o => o.Teams).WithOne(t => t.Organization).HasForeignKey(t => t.OrganizationId);
        builder.HasMany(o => o.Roles).WithOne(r => r.Organization).HasForeignKey(r => r.OrganizationId);
        builder.HasMany(o => o.Activities).WithOne(a => a.Organization).HasForeignKey(a => a.OrganizationId);
    }
}
