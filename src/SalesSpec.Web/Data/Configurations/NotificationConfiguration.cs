using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Notifications.Services;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.Message).HasMaxLength(Notification.MaxMessageLength);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasIndex(n => new { n.RepId, n.ReadAt });
        builder.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId);
        builder.HasOne<Rep>().WithMany().HasForeignKey(n => n.RepId).OnDelete(DeleteBehavior.Cascade);
    }
}
