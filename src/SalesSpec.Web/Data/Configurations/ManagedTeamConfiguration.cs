using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class ManagedTeamConfiguration : IEntityTypeConfiguration<ManagedTeam>
{
    public void Configure(EntityTypeBuilder<ManagedTeam> builder)
    {
        builder.HasKey(t => new { t.MembershipId, t.TeamId });
        builder.HasOne(t => t.Team).WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
