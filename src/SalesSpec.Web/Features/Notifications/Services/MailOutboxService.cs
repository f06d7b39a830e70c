using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Data;

namespace SalesSpec.Web.Features.Notifications.Services;

/// <summary>
/// Sends the mail outbox in the background: when <see cref="MailOutbox"/> signals, at start-up and every
/// <see cref="MailOutboxOptions.SweepInterval"/>. Each instance claims a batch with one conditional UPDATE, so with
/// several instances on one database a message is sent by one of them, once. A failed message is tried again later
/// (the wait doubles) and marked failed after <see cref="MailOutboxOptions.MaxAttempts"/>; no mail problem stops the host.
/// </summary>
public sealed partial class MailOutboxService(
    IDbContextFactory<SalesSpecDbContext> contextFactory,
    EmailSender sender,
    MailOutbox outbox,
    IOptions<MailOutboxOptions> options,
    TimeProvider clock,
    ILogger<MailOutboxService> logger) : BackgroundService
{
    private readonly MailOutboxOptions _options = options.Value;

    public string InstanceName { get; } = string.IsNullOrWhiteSpace(options.Value.InstanceName)
        ? $"{Environment.MachineName}/{Environment.ProcessId}"
        : options.Value.InstanceName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sender.IsConfigured)
        {
            LogNoSmtp(logger);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            // A signal that came before this sweep is answered by it.
            outbox.Clear();
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database or something unforeseen: the messages stay queued (a claim expires) for the next sweep.
                LogSweepFailed(logger, e);
            }
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(outbox.WaitAsync(wake.Token), Task.Delay(_options.SweepInterval, clock, wake.Token));
            await wake.CancelAsync();
        }
    }

    /// <summary>Sends every due message this instance can claim, a batch at a time; answers how many went.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        while (await ClaimAsync(cancellationToken) is { Count: > 0 } batch)
        {
            sent += await SendAsync(batch, cancellationToken);
        }
        return sent;
    }

    /// <summary>Claims up to a batch of due messages nobody holds (or whose holder's lease ran out) for this instance.</summary>
    private async Task<List<OutboxEmail>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - _options.ClaimLease;
        var claim = $"{InstanceName} {Guid.NewGuid():N}";
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // The sender works for every organisation and runs for no member: it has no tenant to scope to, so it looks
        // across organisations. Each message keeps its OrganizationId; only its own recipient sees its text.
        var free = db.OutboxEmails.AcrossOrganizations()
            .Where(e => e.Status == OutboxEmailStatus.Queued && e.DueAt <= now && (e.ClaimedAt == null || e.ClaimedAt < expired));
        var ids = await free.OrderBy(e => e.Id).Select(e => e.Id).Take(_options.BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }
        // The condition is checked again as the UPDATE reaches each row: another instance that picked the same ids and
        // claimed first has made them not free. On PostgreSQL the second UPDATE waits for the first's row locks and
        // re-reads the rows; SQLite writes one at a time. Either way a row gets one claim.
        var claimed = await free.Where(e => ids.Contains(e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, claim).SetProperty(e => e.ClaimedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return [];
        }
        return await db.OutboxEmails.AcrossOrganizations().AsNoTracking()
            .Where(e => e.ClaimedBy == claim).OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

    private async Task<int> SendAsync(List<OutboxEmail> batch, CancellationToken cancellationToken)
    {
        var deliveries = await sender.SendAllAsync(batch.Select(e => new OutgoingEmail(e.To, e.Subject, e.Body)).ToList(), cancellationToken);
        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Across organisations, for the reason given in ClaimAsync; every update also requires this instance's claim.
        var claim = batch[0].ClaimedBy;
        var mine = db.OutboxEmails.AcrossOrganizations().Where(e => e.ClaimedBy == claim);
        var sentIds = batch.Zip(deliveries).Where(p => p.Second.Sent).Select(p => p.First.Id).ToList();
        if (sentIds.Count > 0)
        {
            // The text goes once it is handed over: an invitation's holds the secret of its link.
            await mine.Where(e => sentIds.Contains(e.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, OutboxEmailStatus.Sent)
                .SetProperty(e => e.SentAt, now)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                .SetProperty(e => e.LastError, (string?)null)
                .SetProperty(e => e.Body, "")
                .SetProperty(e => e.ClaimedBy, (string?)null)
                .SetProperty(e => e.ClaimedAt, (DateTime?)null), cancellationToken);
            LogSent(logger, sentIds.Count);
        }
        foreach (var (email, delivery) in batch.Zip(deliveries).Where(p => !p.Second.Sent))
        {
            var attempts = email.Attempts + 1;
            var error = Shorten(delivery.Error ?? "Not sent.");
            var id = email.Id;
            if (attempts >= _options.MaxAttempts)
            {
                await mine.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Status, OutboxEmailStatus.Failed)
                    .SetProperty(e => e.Attempts, attempts)
                    .SetProperty(e => e.LastError, error)
                    .SetProperty(e => e.Body, "")
                    .SetProperty(e => e.ClaimedBy, (string?)null)
                    .SetProperty(e => e.ClaimedAt, (DateTime?)null), cancellationToken);
                LogGaveUp(logger, delivery.Failure!, id, attempts);
            }
            else
            {
                var due = now.UtcDateTime + RetryDelay(attempts);
                await mine.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Attempts, attempts)
                    .SetProperty(e => e.LastError, error)
                    .SetProperty(e => e.DueAt, due)
                    .SetProperty(e => e.ClaimedBy, (string?)null)
                    .SetProperty(e => e.ClaimedAt, (DateTime?)null), cancellationToken);
                LogWillRetry(logger, delivery.Failure!, id, attempts, due);
            }
        }
        return sentIds.Count;
    }

    /// <summary>The wait before the next try after <paramref name="attempts"/> failed ones: 1, 2, 4, 8… times the first delay.</summary>
    public TimeSpan RetryDelay(int attempts) => _options.FirstRetryDelay * Math.Pow(2, Math.Max(0, attempts - 1));

    private static string Shorten(string error) =>
        error.Length <= OutboxEmail.MaxErrorLength ? error : error[..(OutboxEmail.MaxErrorLength - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server is configured (Smtp:Host): the mail outbox is not sent")]
    private static partial void LogNoSmtp(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} queued emails")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send queued email {Id} (attempt {Attempts}); trying again after {DueAt:u}")]
    private static partial void LogWillRetry(ILogger logger, Exception exception, long id, int attempts, DateTime dueAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up on queued email {Id} after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long id, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the mail outbox failed; it is read again at the next sweep")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
