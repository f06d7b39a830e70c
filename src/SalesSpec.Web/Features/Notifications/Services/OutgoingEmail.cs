namespace SalesSpec.Web.Features.Notifications.Services;

/// <summary>One plain-text message to send.</summary>
public sealed record OutgoingEmail(string To, string Subject, string Body);
