using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Features.CrmImports.Services;

namespace SalesSpec.Web.Data.Configurations;

/// <summary>One row per organisation and layout name: saving a layout again under its name replaces its columns.</summary>
internal sealed class CrmSavedLayoutConfiguration : IEntityTypeConfiguration<CrmSavedLayout>
{
    public void Configure(EntityTypeBuilder<CrmSavedLayout> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(CrmLayout.MaxNameLength);
        foreach (var column in new[] { nameof(CrmSavedLayout.Owner), nameof(CrmSavedLayout.Date), nameof(CrmSavedLayout.Duration), nameof(CrmSavedLayout.Subject), nameof(CrmSavedLayout.Type), nameof(CrmSavedLayout.Status) })
        {
            builder.Property(column).HasMaxLength(CrmLayout.MaxColumnLength);
        }
        // Names, not numbers: a value added to either enum later cannot shift what was saved.
        builder.Property(l => l.DurationUnit).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.RecordType).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(l => new { l.OrganizationId, l.Name }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
