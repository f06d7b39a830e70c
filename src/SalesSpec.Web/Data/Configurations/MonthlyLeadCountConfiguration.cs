using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class MonthlyLeadCountConfiguration : IEntityTypeConfiguration<MonthlyLeadCount>
{
    public void Configure(EntityTypeBuilder<MonthlyLeadCount> builder)
    {
        builder.HasIndex(m => new { m.OrganizationId, m.Month }).IsUnique();
        builder.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId);
    }
}
