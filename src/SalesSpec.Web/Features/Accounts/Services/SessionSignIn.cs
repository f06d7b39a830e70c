using Microsoft.AspNetCore.Identity;

namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>
/// Every browser sign-in (sign-in page, first-run set-up, an accepted invitation) goes through here: a session row
/// first, then the cookie carrying its id, which counts only while the row is live.
/// </summary>
public sealed class SessionSignIn(SignInManager<ApplicationUser> signInManager, UserSessionService sessions)
{
    public async Task SignInAsync(ApplicationUser user, bool isPersistent)
    {
        ArgumentNullException.ThrowIfNull(user);
        var session = await sessions.StartAsync(user.Id, signInManager.Context.Request.Headers.UserAgent.ToString());
        await signInManager.SignInWithClaimsAsync(user, isPersistent, [new Claim(UserSessionService.ClaimType, session.ToString())]);
    }
}
