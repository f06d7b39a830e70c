using Microsoft.AspNetCore.Identity;

namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>Creates the first organisation and its first Admin on an installation without any account.</summary>
public sealed class FirstRunService(IDbContextFactory<SalesSpecDbContext> contextFactory)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<bool> IsNeededAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>Null on success; otherwise what went wrong, for the person setting up.</summary>
    public async Task<IReadOnlyList<string>?> SetUpAsync(SetupForm form, UserManager<ApplicationUser> users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(users);
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (!await IsNeededAsync(cancellationToken))
            {
                return ["SalesSpec is already set up: sign in instead."];
            }
            var user = new ApplicationUser { UserName = form.Email.Trim(), Email = form.Email.Trim(), EmailConfirmed = true, DisplayName = form.Name.Trim() };
            var created = await users.CreateAsync(user, form.Password);
            if (!created.Succeeded)
            {
                return created.Errors.Select(e => e.Description).ToList();
            }
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var organization = Organization.Create(form.OrganizationName, form.Template);
            db.Organizations.Add(organization);
            db.Memberships.Add(Membership.Create(user.Id, organization, MemberRole.Admin));
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
