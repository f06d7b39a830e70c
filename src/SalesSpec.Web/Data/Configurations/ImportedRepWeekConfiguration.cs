using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Imports.History;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class ImportedRepWeekConfiguration : IEntityTypeConfiguration<ImportedRepWeek>
{
    public void Configure(EntityTypeBuilder<ImportedRepWeek> builder)
    {
        builder.HasIndex(w => new { w.ImportId, w.RepId, w.WeekStart });
        // Whether a later import holds a rep-week (a rollback's check).
        builder.HasIndex(w => new { w.OrganizationId, w.RepId, w.WeekStart });
        builder.HasOne<TimeLogImport>().WithMany().HasForeignKey(w => w.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
