namespace SalesSpec.Web.Features.Notifications.Services;

public enum NotificationKind
{
    /// <summary>A manager asks the rep to submit a week.</summary>
    Reminder,

    /// <summary>A manager rejected the rep's week with a comment.</summary>
    WeekSentBack,
}
