using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.TimeLogs;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class TimeLogConfiguration : IEntityTypeConfiguration<TimeLog>
{
    public void Configure(EntityTypeBuilder<TimeLog> builder)
    {
        builder.Ignore(t => t.Week);
        builder.Property(t => t.Hours).HasPrecision(9, 4);
        // One row per rep, week and activity: imports replace, they do not add up twice.
        builder.HasIndex(t => new { t.RepId, t.WeekStart, t.ActivityId }).IsUnique();
        builder.HasIndex(t => t.WeekStart);
        builder.HasOne(t => t.Rep).WithMany().HasForeignKey(t => t.RepId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.Activity).WithMany().HasForeignKey(t => t.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}
