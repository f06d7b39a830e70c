using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.Workshops;

namespace SalesSpec.Web.Data.Configurations;

/// <summary>
/// An answer and its shares. Role and team are plain numbers, not keys: the answer keeps what the person chose
/// even if the role is renamed or the team archived later, and the board shows what still exists.
/// </summary>
internal sealed class WorkshopAnswerConfiguration : IEntityTypeConfiguration<WorkshopAnswer>
{
    public void Configure(EntityTypeBuilder<WorkshopAnswer> builder)
    {
        builder.HasOne<WorkshopSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        // One answer per device and session; found again when the phone comes back.
        builder.HasIndex(a => new { a.SessionId, a.Device }).IsUnique();
        builder.HasIndex(a => a.OrganizationId);
        builder.Property(a => a.Device).HasMaxLength(64);
        builder.Property(a => a.Name).HasMaxLength(WorkshopAnswer.MaxNameLength);
        builder.Property(a => a.Initials).HasMaxLength(WorkshopAnswer.MaxInitialsLength);
        builder.Property(a => a.Email).HasMaxLength(WorkshopAnswer.MaxEmailLength);
        builder.HasMany(a => a.Shares).WithOne().HasForeignKey(s => s.AnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Shares).HasField("_shares").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
