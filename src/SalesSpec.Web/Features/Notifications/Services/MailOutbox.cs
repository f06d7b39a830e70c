using System.Threading.Channels;
using SalesSpec.Web.Data;

namespace SalesSpec.Web.Features.Notifications.Services;

/// <summary>
/// Where features put email: a row in the outbox, saved with the change it is about, then a wake-up for
/// <see cref="MailOutboxService"/>, which sends it after the request has returned. The signal carries nothing: the
/// outbox table is the queue, so a lost signal (another instance, a restart) only waits for the next sweep.
/// </summary>
public sealed class MailOutbox(EmailSender sender, TimeProvider clock)
{
    private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Whether email can go at all (SMTP configured); without it nothing is queued.</summary>
    public bool Sends => sender.IsConfigured;

    /// <summary>The link as it reads in an email: absolute when the app's public address is configured.</summary>
    public string AbsoluteLink(string path) => sender.AbsoluteLink(path);

    /// <summary>
    /// Adds a message to the context's outbox: the caller's SaveChanges writes it in the same transaction as the
    /// caller's own change, so both are kept or neither. Call <see cref="Signal"/> after that save.
    /// </summary>
    public OutboxEmail Add(SalesSpecDbContext db, int organizationId, OutboxEmailKind kind, OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);
        if (!Sends)
        {
            throw new InvalidOperationException("No SMTP server is configured (Smtp:Host): nothing is queued that cannot go.");
        }
        var now = clock.GetUtcNow();
        var queued = new OutboxEmail
        {
            OrganizationId = organizationId,
            Kind = kind,
            To = email.To,
            Subject = email.Subject,
            Body = email.Body,
            Status = OutboxEmailStatus.Queued,
            CreatedAt = now,
            DueAt = now.UtcDateTime,
        };
        db.OutboxEmails.Add(queued);
        return queued;
    }

    /// <summary>Wakes the sender of this instance; several signals before it wakes count as one.</summary>
    public void Signal() => _wakeUps.Writer.TryWrite(true);

    /// <summary>Waits for a signal (true) or until the token is cancelled.</summary>
    internal async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _wakeUps.Reader.WaitToReadAsync(cancellationToken);
        _wakeUps.Reader.TryRead(out _);
    }

    /// <summary>Forgets a pending signal: the sweep about to run covers whatever it was for.</summary>
    internal void Clear() => _wakeUps.Reader.TryRead(out _);
}
