namespace SalesSpec.Formats.CrmCsv;

/// <summary>
/// HubSpot's activity export columns, under the label its screens export and the internal property
/// name its API and some exports use (matched case-insensitively).
/// </summary>
internal static class HubSpotColumns
{
    public static readonly string[] Id = ["Record ID", "hs_object_id", "Activity ID"];
    public static readonly string[] Owner = ["Activity assigned to", "Assigned to", "hubspot_owner_id", "Owner", "Activity owner"];
    public static readonly string[] Date = ["Activity date", "hs_timestamp", "Timestamp"];
    public static readonly string[] CallTitle = ["Call Title", "hs_call_title"];
    public static readonly string[] CallDuration = ["Call duration", "hs_call_duration"];
    public static readonly string[] MeetingTitle = ["Meeting name", "Meeting title", "hs_meeting_title"];
    public static readonly string[] MeetingStart = ["Meeting start time", "Start Time", "hs_meeting_start_time"];
    public static readonly string[] MeetingEnd = ["Meeting end time", "End Time", "hs_meeting_end_time"];
    public static readonly string[] MeetingOutcome = ["Meeting outcome", "hs_meeting_outcome"];
    public static readonly string[] EmailSubject = ["Email subject", "hs_email_subject"];
    public static readonly string[] EmailDirection = ["Email direction", "hs_email_direction"];
    public static readonly string[] EmailStatus = ["Email send status", "Email status", "hs_email_status"];
    public static readonly string[] CallDirection = ["Call direction", "hs_call_direction"];
    public static readonly string[] CallOutcome = ["Call outcome", "hs_call_disposition"];
    public static readonly string[] CallStatus = ["Call status", "hs_call_status"];
    public static readonly string[] TaskTitle = ["Task Title", "hs_task_subject"];
    public static readonly string[] TaskType = ["Task Type", "hs_task_type"];
    public static readonly string[] DueDate = ["Due date"];
    public static readonly string[] TaskStatus = ["Task status", "hs_task_status"];
    public static readonly string[] Deal = ["Associated Deal", "Associated Deals", "Associated Deal IDs"];
    public static readonly string[] Company = ["Associated Company", "Associated Companies", "Associated Company IDs"];
    public static readonly string[] Contact = ["Associated Contact", "Associated Contacts", "Associated Contact IDs"];
    public static readonly string[] Ticket = ["Associated Ticket", "Associated Tickets", "Associated Ticket IDs"];
    public static readonly string[] Lead = ["Associated Lead", "Associated Leads", "Associated Lead IDs"];
}
