using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Analysis.Summaries;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class RepWeekSummaryConfiguration : IEntityTypeConfiguration<RepWeekSummary>
{
    public void Configure(EntityTypeBuilder<RepWeekSummary> builder)
    {
        builder.HasKey(s => new { s.RepId, s.WeekStart });
        builder.Ignore(s => s.Total);
        // The analysis reads an organisation's period; the rows it sums sit together in this index.
        builder.HasIndex(s => new { s.OrganizationId, s.WeekStart });
        builder.HasOne<Rep>().WithMany().HasForeignKey(s => s.RepId).OnDelete(DeleteBehavior.Cascade);
    }
}
