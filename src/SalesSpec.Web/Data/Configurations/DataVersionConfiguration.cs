using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Analysis.Summaries;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.HasKey(v => v.OrganizationId);
        builder.Property(v => v.OrganizationId).ValueGeneratedNever();
        builder.HasOne<Organization>().WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
