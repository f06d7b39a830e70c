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
}
