using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Imports.History;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class ReplacedTimeLogConfiguration : IEntityTypeConfiguration<ReplacedTimeLog>
{
    public void Configure(EntityTypeBuilder<ReplacedTimeLog> builder)
    {
        builder.Property(t => t.Hours).HasPrecision(9, 4);
        builder.HasIndex(t => t.ImportId);
        builder.HasOne<TimeLogImport>().WithMany().HasForeignKey(t => t.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
