using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Domain.Workshops;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class WorkshopSessionConfiguration : IEntityTypeConfiguration<WorkshopSession>
{
    public void Configure(EntityTypeBuilder<WorkshopSession> builder)
    {
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        // A phone finds its workshop by the code alone, across organisations: one code, one session.
        builder.HasIndex(s => s.Code).IsUnique();
        builder.HasIndex(s => new { s.OrganizationId, s.CreatedAt });
        builder.Property(s => s.Code).HasMaxLength(JoinCode.Length);
        builder.Property(s => s.Title).HasMaxLength(WorkshopSession.MaxTitleLength);
        builder.Property(s => s.CreatedBy).HasMaxLength(450);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.JoinCode);
    }
}
