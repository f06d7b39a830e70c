using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.Timesheets;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class LockPeriodConfiguration : IEntityTypeConfiguration<LockPeriod>
{
    public void Configure(EntityTypeBuilder<LockPeriod> builder)
    {
        builder.Ignore(l => l.LastLockedWeek);
        builder.Property(l => l.LockedBy).HasMaxLength(200);
        builder.HasIndex(l => new { l.OrganizationId, l.TeamId, l.LockedThrough });
        builder.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId);
        // A closed period must not reopen because a team was deleted.
        builder.HasOne<Team>().WithMany().HasForeignKey(l => l.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
