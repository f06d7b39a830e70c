using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.DecimalMark).HasMaxLength(1);
    }
}
