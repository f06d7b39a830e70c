using System.Threading.RateLimiting;

namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>
/// Sign-in attempts per account (email), whatever address they come from: the per-address limiter alone lets a
/// botnet guess one account's password from many addresses. Counted in this instance's memory, like the
/// per-address limit; with several instances an account gets at most this many attempts per instance.
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    public const string Setting = "RateLimits:SignInPerAccountPerMinute";
    public const int DefaultPerMinute = 10;

    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInLimiter(int permitsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerMinute, 1);
        // Idle partitions (a full window) are dropped by the limiter, so guessed emails do not pile up.
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Takes one attempt for this email; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryAttempt(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var lease = _limiter.AttemptAcquire(Key(email));
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    /// <summary>Whole seconds for a Retry-After header and the words, never 0.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static string WaitMessage(int seconds) =>
        $"Too many sign-in attempts — wait {seconds} {(seconds == 1 ? "second" : "seconds")} and try again.";

    // The same email however it is typed: Identity normalises emails to upper case too.
    private static string Key(string email) => email.Trim().ToUpperInvariant();

    public void Dispose() => _limiter.Dispose();
}
