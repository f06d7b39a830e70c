using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(m => new { m.UserId, m.OrganizationId }).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId);
        builder.HasOne(m => m.Rep).WithMany().HasForeignKey(m => m.RepId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.ManagedTeams).WithOne(t => t.Membership).HasForeignKey(t => t.MembershipId);
    }
}
