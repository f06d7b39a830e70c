namespace SalesSpec.Web.Features.Notifications.Services;

public sealed record NotificationRow(long Id, int OrganizationId, string Organization, string Message, string? Link, DateTimeOffset CreatedAt, bool IsRead);
