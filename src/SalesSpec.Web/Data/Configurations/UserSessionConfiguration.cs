using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        // The id is made by the app (random), so a cookie's session cannot be guessed from another's.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserAgent).HasMaxLength(UserSession.MaxUserAgentLength);
        // Every request looks a session up by its key; listing and "end all" go by user.
        builder.HasIndex(s => s.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
