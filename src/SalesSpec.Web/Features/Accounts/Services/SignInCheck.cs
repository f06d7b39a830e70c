using Microsoft.AspNetCore.Identity;

namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>
/// Checks an email and password for the sign-in page and the token endpoint alike. A wrong password, an
/// unknown email and a paused (locked-out) account get the same answer, in about the same time: a password is
/// hashed in every case, so neither the words nor the timing tell which emails have an account. Attempts per
/// email are limited (<see cref="SignInLimiter"/>) before anything is looked up, for known and unknown emails alike.
/// </summary>
public sealed partial class SignInCheck(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IPasswordHasher<ApplicationUser> hasher,
    SignInLimiter limiter,
    ILogger<SignInCheck> logger)
{
    public const string FailedMessage =
        "That email and password do not match an account. After 5 failed attempts, signing in to an account pauses for 15 minutes.";

    private static readonly ApplicationUser Nobody = new() { Id = "nobody", UserName = "nobody" };

    // A real hash of a password nobody has, so that verifying against it costs what a real check costs.
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<ApplicationUser>().HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    /// <summary>The user when the password is right and the account may sign in; else no user (and a failed attempt counted).</summary>
    public async Task<SignInOutcome> CheckAsync(string email, string password)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        if (limiter.TryAttempt(email) is { } wait)
        {
            LogLimited(logger, email);
            return new SignInOutcome(null, wait);
        }
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);
            LogRefused(logger, email, user is not null);
            return SignInOutcome.Refused;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            LogRefused(logger, email, result.IsLockedOut);
            return SignInOutcome.Refused;
        }
        return new SignInOutcome(user, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {Email} (account paused: {LockedOut})")]
    private static partial void LogRefused(ILogger logger, string email, bool lockedOut);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in attempts for {Email} are over the per-account limit")]
    private static partial void LogLimited(ILogger logger, string email);
}
