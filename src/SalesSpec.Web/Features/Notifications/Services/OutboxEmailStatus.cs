namespace SalesSpec.Web.Features.Notifications.Services;

public enum OutboxEmailStatus
{
    /// <summary>Waiting to be sent, or to be tried again after a failure.</summary>
    Queued,

    /// <summary>Handed over to the mail server.</summary>
    Sent,

    /// <summary>Given up after the last attempt; <see cref="OutboxEmail.LastError"/> says why.</summary>
    Failed,
}
