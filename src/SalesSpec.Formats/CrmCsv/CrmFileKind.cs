namespace SalesSpec.Formats.CrmCsv;

/// <summary>What an export file was recognised as, from its header row (file names are often changed on the way).</summary>
public enum CrmFileKind
{
    Unknown,

    /// <summary>Salesforce <c>User.csv</c>, or any list of CRM users with an id and an email (a HubSpot owners list).</summary>
    Users,
    SalesforceTasks,
    SalesforceEvents,
    HubSpotCalls,
    HubSpotMeetings,
    HubSpotEmails,
    HubSpotTasks,
}
