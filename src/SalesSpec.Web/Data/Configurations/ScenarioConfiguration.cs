using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Web.Data.Configurations;

/// <summary>
/// A scenario's decisions are edited on the board and saved as a whole, so the moves, the new people
/// and the hand-off points are JSON text columns (the same on SQLite and PostgreSQL), not rows.
/// </summary>
internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> builder)
    {
        builder.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.OrganizationId, s.Name });
        builder.Property(s => s.Name).HasMaxLength(Scenario.MaxNameLength);
        builder.Property(s => s.Notes).HasMaxLength(Scenario.MaxNotesLength);
        builder.Property(s => s.Focus).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.From);
        builder.Ignore(s => s.To);
        builder.Ignore(s => s.Plan);
        builder.Property(s => s.Roles).HasJsonConversion<IReadOnlyDictionary<string, string>, Dictionary<string, string>>();
        builder.Property(s => s.Hires).HasJsonConversion<IReadOnlyList<ScenarioHire>, List<ScenarioHire>>();
        builder.Property(s => s.HandOffs).HasJsonConversion<IReadOnlyDictionary<string, string>, Dictionary<string, string>>();
    }
}
