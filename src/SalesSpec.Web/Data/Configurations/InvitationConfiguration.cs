using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Members.Services;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HasMaxLength(254);
        builder.Property(i => i.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.ManagedTeamIds).HasMaxLength(500);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.InvitedByUserId).HasMaxLength(450);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
    }
}
