using System.Globalization;
using SalesSpec.Web.Features.Notifications.Services;

namespace SalesSpec.Web.Features.Members.Services;

/// <summary>The state of an invitation's email in the outbox: queued (perhaps after a failed try), sent, or given up.</summary>
public sealed record InvitationEmail(OutboxEmailStatus Status, int Attempts, DateTimeOffset? SentAt, string? LastError)
{
    /// <summary>In words, for the Members page (not colour alone): "queued", "sent 2026-11-23 12:00 UTC", "failed: why".</summary>
    public string Text => Status switch
    {
        OutboxEmailStatus.Sent => SentAt is { } at ? "sent " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "sent",
        OutboxEmailStatus.Failed => $"failed after {Attempts} attempts: {LastError}",
        _ when Attempts > 0 => $"queued, trying again (attempt {Attempts} failed: {LastError})",
        _ => "queued",
    };
}
