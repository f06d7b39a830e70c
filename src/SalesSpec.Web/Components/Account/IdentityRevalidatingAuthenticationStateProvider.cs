using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Components.Account;

/// <summary>
/// Re-checks a live circuit's user every minute, so that an open tab ends soon after its session is signed out
/// (here, everywhere, or by a password change elsewhere) or the password changes. One indexed lookup a minute
/// per circuit, mostly answered by the session service's short cache.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    UserSessionService sessions,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (!await sessions.IsActiveAsync(authenticationState.User, cancellationToken))
        {
            return false;
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await userManager.GetUserAsync(authenticationState.User);
        // Not ended by a paused sign-in (anyone can pause an account by guessing); a changed password or a
        // removed user ends it, through the security stamp below.
        if (user is null)
        {
            return false;
        }
        if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        var principalStamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var userStamp = await userManager.GetSecurityStampAsync(user);
        return principalStamp == userStamp;
    }
}
