namespace SalesSpec.Web.Features.Notifications.Services;

public enum OutboxEmailKind
{
    /// <summary>An invitation's link, to the person invited.</summary>
    Invitation,

    /// <summary>A manager's reminder to submit a week.</summary>
    Reminder,
}
