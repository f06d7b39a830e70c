using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.Workshops;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class WorkshopShareConfiguration : IEntityTypeConfiguration<WorkshopShare>
{
    public void Configure(EntityTypeBuilder<WorkshopShare> builder)
    {
        builder.ToTable("WorkshopShares");
        builder.HasIndex(s => new { s.AnswerId, s.ActivityId }).IsUnique();
        builder.Property(s => s.Percent).HasPrecision(5, 2);
    }
}
