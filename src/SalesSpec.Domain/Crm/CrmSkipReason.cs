namespace SalesSpec.Domain.Crm;

/// <summary>Why a CRM record brought no hours. Every skipped record is counted and shown, never dropped silently.</summary>
public enum CrmSkipReason
{
    /// <summary>No classification rule matched it.</summary>
    NoRuleMatched,

    /// <summary>Its owner is not in the users file and not a rep of the organisation.</summary>
    UnknownOwner,

    /// <summary>It has no date to place it in a week.</summary>
    NoDate,

    /// <summary>An all-day calendar event: holidays and out-of-office, not hours of selling.</summary>
    AllDayEvent,

    /// <summary>A task that is not done yet.</summary>
    OpenTask,

    /// <summary>A meeting that was cancelled.</summary>
    CanceledMeeting,

    /// <summary>The same record (same id) was already read, from this file or another.</summary>
    Duplicate,

    /// <summary>A Salesforce recurring series' own record: its occurrences are records of their own.</summary>
    RecurringSeries,

    /// <summary>Deleted in the CRM (still in the export's recycle bin).</summary>
    Deleted,

    /// <summary>An email the rep received (a reply or an incoming message), not one they wrote.</summary>
    IncomingEmail,

    /// <summary>A meeting the other side did not turn up to.</summary>
    NoShowMeeting,

    /// <summary>A meeting moved to another time: its new time is a record of its own.</summary>
    RescheduledMeeting,

    /// <summary>Owned by an integration, automation or other non-person user of the CRM.</summary>
    SystemUser,
}
