namespace SalesSpec.Web.Features.Notifications.Services;

/// <summary>How <see cref="MailOutboxService"/> sends the outbox (section "MailOutbox").</summary>
public sealed class MailOutboxOptions
{
    public const string Section = "MailOutbox";

    /// <summary>Tries per message before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after the first failure; it doubles after each further one (1, 2, 4, 8 minutes).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the outbox is read without a signal: retries, and messages queued by another instance.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a claim holds: an instance that died while sending frees its messages after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Messages claimed and sent over one connection at a time.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>This instance's name in <see cref="OutboxEmail.ClaimedBy"/>; the host name and process id if empty.</summary>
    public string? InstanceName { get; set; }
}
