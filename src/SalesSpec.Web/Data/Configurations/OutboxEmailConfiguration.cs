using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Members.Services;
using SalesSpec.Web.Features.Notifications.Services;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("OutboxEmails");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.To).HasMaxLength(254);
        builder.Property(e => e.Subject).HasMaxLength(200);
        builder.Property(e => e.Body).HasMaxLength(4000);
        builder.Property(e => e.ClaimedBy).HasMaxLength(200);
        builder.Property(e => e.LastError).HasMaxLength(OutboxEmail.MaxErrorLength);
        // The sender looks for queued messages that are due; the Members page for its invitations' messages.
        builder.HasIndex(e => new { e.Status, e.DueAt });
        builder.HasIndex(e => e.InvitationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId);
        builder.HasOne(e => e.Invitation).WithMany().HasForeignKey(e => e.InvitationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Rep>().WithMany().HasForeignKey(e => e.RepId).OnDelete(DeleteBehavior.Cascade);
    }
}
