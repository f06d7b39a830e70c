namespace SalesSpec.Formats.CrmCsv;

/// <summary>What an export file was recognised as, from its header row (file names are often changed on the way).</summary>
public enum CrmFileKind
{
    Unknown,

    /// <summary>Salesforce <c>User.csv</c>, or any list of CRM users with an id and an email (a HubSpot owners list).</summary>
    Users,
    SalesforceTasks,
    SalesforceEvents,

    /// <summary>A Salesforce activities report exported as CSV: screen labels, owners by name, dates in the user's locale.</summary>
    SalesforceReport,
    HubSpotCalls,
    HubSpotMeetings,
    HubSpotEmails,
    HubSpotTasks,

    /// <summary>A time tracker's detailed report: Clockify or Toggl Track (user or email, start date, duration, project, task, tags).</summary>
    ClockifyOrToggl,

    /// <summary>Harvest's detailed time report (date, first and last name, project, task, notes, hours).</summary>
    Harvest,

    /// <summary>Kimai's timesheet export (date, user, customer, project, activity, description, duration).</summary>
    Kimai,

    /// <summary>A file read through a layout the consultant mapped (<see cref="CrmLayout"/>): its columns as they said.</summary>
    Mapped,
}
