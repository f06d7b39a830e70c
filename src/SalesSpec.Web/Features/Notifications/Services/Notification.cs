namespace SalesSpec.Web.Features.Notifications.Services;

/// <summary>An in-app message for a rep (a reminder, a rejected week), shown as a badge until read.</summary>
public sealed class Notification
{
    public const int MaxMessageLength = 500;

    public long Id { get; set; }

    public int OrganizationId { get; set; }

    public NotificationKind Kind { get; set; }

    /// <summary>Addressed to the rep, not to a user: whoever signs in as that rep sees it, even if they join later.</summary>
    public int RepId { get; set; }

    public string Message { get; set; } = "";

    /// <summary>A relative link to the page the message is about.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
