using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.Timesheets;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class TimesheetConfiguration : IEntityTypeConfiguration<Timesheet>
{
    public void Configure(EntityTypeBuilder<Timesheet> builder)
    {
        builder.Ignore(t => t.Week);
        builder.Ignore(t => t.IsLocked);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        // A plain integer the domain raises on every change works the same on SQLite and PostgreSQL,
        // unlike a provider-generated row version.
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.ReviewedBy).HasMaxLength(200);
        builder.Property(t => t.ReviewComment).HasMaxLength(Timesheet.MaxCommentLength);
        builder.HasIndex(t => new { t.RepId, t.WeekStart }).IsUnique();
        builder.HasIndex(t => new { t.WeekStart, t.Status });
        builder.HasOne(t => t.Rep).WithMany().HasForeignKey(t => t.RepId).OnDelete(DeleteBehavior.Cascade);
    }
}
