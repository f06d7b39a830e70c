using System.Security.Claims;
using Bunit;

namespace SalesSpec.Web.Tests.Support;

/// <summary>Signs a demo user in for components rendered by bUnit, with the user id the app reads.</summary>
public static class BunitSignIn
{
    public static async Task SignInAsync(this BunitContext context, TestDatabase database, string email)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(database);
        var userId = await database.UserIdAsync(email);
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(email);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }
}
