using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class RepTeamAssignmentConfiguration : IEntityTypeConfiguration<RepTeamAssignment>
{
    public void Configure(EntityTypeBuilder<RepTeamAssignment> builder)
    {
        builder.Ignore(a => a.StartsAtBeginning);
        // "Which team was this rep in that week" is a range lookup per rep; team weeks ask "who was in this team".
        builder.HasIndex(a => new { a.RepId, a.FromWeek }).IsUnique();
        builder.HasIndex(a => new { a.TeamId, a.FromWeek });
        builder.HasOne(a => a.Rep).WithMany(r => r.TeamAssignments).HasForeignKey(a => a.RepId).OnDelete(DeleteBehavior.Cascade);
        // Like the rep's current team: deleting a team leaves its weeks in no team rather than failing.
        builder.HasOne(a => a.Team).WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}
