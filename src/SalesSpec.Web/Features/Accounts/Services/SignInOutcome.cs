namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>What <see cref="SignInCheck"/> found: the user, or nobody, or "too many attempts, wait this long".</summary>
public sealed record SignInOutcome(ApplicationUser? User, TimeSpan? RetryAfter)
{
    public static readonly SignInOutcome Refused = new(null, null);

    public bool Succeeded => User is not null;

    public bool IsRateLimited => RetryAfter is not null;
}
