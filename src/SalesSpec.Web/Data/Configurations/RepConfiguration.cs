using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class RepConfiguration : IEntityTypeConfiguration<Rep>
{
    public void Configure(EntityTypeBuilder<Rep> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.Fte).HasPrecision(4, 2);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.OrganizationId, r.Email }).IsUnique();
        builder.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId);
        // Deleting a role or team must not silently take its people with it.
        builder.HasOne(r => r.Role).WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Team).WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
