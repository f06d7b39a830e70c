using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.Function).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.OrganizationId, a.Name }).IsUnique();
    }
}
