namespace SalesSpec.Formats.CrmCsv;

/// <summary>A Salesforce report's columns under the labels its screens give them (English), matched like every header.</summary>
internal static class ReportColumns
{
    public static readonly string[] Owner = ["Assigned", "Assigned To", "Activity Owner"];
    public static readonly string[] Date = ["Date", "Due Date", "Activity Date"];
    public static readonly string[] Type = ["Activity Type", "Type", "Task Subtype"];
    public static readonly string[] Subject = ["Subject"];
    public static readonly string[] CallDuration = ["Call Duration", "Call Duration (seconds)"];
    public static readonly string[] Duration = ["Duration", "Duration (minutes)"];
    public static readonly string[] Status = ["Status"];
    public static readonly string[] Id = ["Activity ID", "Task ID", "Event ID"];
    public static readonly string[] Lead = ["Lead"];
    public static readonly string[] Contact = ["Contact"];
    public static readonly string[] Opportunity = ["Opportunity"];
    public static readonly string[] Account = ["Company / Account", "Account"];
    public static readonly string[] Case = ["Case"];
}
