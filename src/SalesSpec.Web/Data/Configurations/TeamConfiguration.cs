using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.OrganizationId, t.Name }).IsUnique();
    }
}
