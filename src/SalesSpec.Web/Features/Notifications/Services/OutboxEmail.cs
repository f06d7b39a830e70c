using SalesSpec.Web.Features.Members.Services;

namespace SalesSpec.Web.Features.Notifications.Services;

/// <summary>
/// One email waiting to go, or gone: written in the same transaction as the change it is about (an invitation, a
/// reminder) and sent afterwards by <see cref="MailOutboxService"/>, on whichever app instance claims it first.
/// </summary>
public sealed class OutboxEmail
{
    public const int MaxErrorLength = 500;

    public long Id { get; set; }

    public int OrganizationId { get; set; }

    public OutboxEmailKind Kind { get; set; }

    /// <summary>For an invitation's email: the invitation, so the Members page can show what became of it.</summary>
    public int? InvitationId { get; set; }

    /// <summary>Set when the invitation is new in the same save, so both are written together.</summary>
    public Invitation? Invitation { get; set; }

    /// <summary>For a reminder: the rep reminded.</summary>
    public int? RepId { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>The text; emptied once the message is sent or given up, as it may hold an invitation's secret link.</summary>
    public string Body { get; set; } = "";

    public OutboxEmailStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How many times a send was tried.</summary>
    public int Attempts { get; set; }

    /// <summary>
    /// Not before this moment (UTC): now when queued, later after a failed attempt. A UTC <see cref="DateTime"/>, not a
    /// DateTimeOffset, because SQLite compares DateTime text in SQL but cannot compare DateTimeOffsets.
    /// </summary>
    public DateTime DueAt { get; set; }

    /// <summary>The claim of the instance sending it now (instance name and a per-batch id); null when nobody is.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When the claim was made (UTC); a claim older than the lease is free to take again (its instance died).</summary>
    public DateTime? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Why the last attempt failed, as the mail server or the connection said it.</summary>
    public string? LastError { get; set; }
}
