using SalesSpec.Domain.Crm;
using SalesSpec.Formats.Csv;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>
/// Reads CRM activity exports (formats.md §2) — Salesforce <c>Task.csv</c>, <c>Event.csv</c> and
/// <c>User.csv</c>; HubSpot calls, meetings, emails and tasks — into <see cref="CrmRecord"/>s, strictly:
/// every broken line, bad date or bad duration is a problem with its file, line and column. Records
/// that are readable but bring no time (deleted, open, all-day, unknown owner, no date) go to the skip
/// callback with their reason. Files are recognised by their header row, not by their names.
/// </summary>
public static class CrmExportReader
{
    public static CrmExportReport Read(IReadOnlyList<CrmFile> files, CrmExportOptions options, Action<CrmRecord> onRecord, Action<CrmSkip> onSkip)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onRecord);
        ArgumentNullException.ThrowIfNull(onSkip);
        var problems = new CrmProblems(options.MaxProblems);
        var users = new CrmUsers(options.RepsByName);
        var kinds = files.Select(f => (File: f, Kind: Recognise(f, problems))).ToList();
        var summaries = new Dictionary<CrmFile, CrmFileSummary>();
        var seen = new HashSet<(string, string)>();

        if (files.Count == 0)
        {
            problems.Add("", 0, "", "Choose at least one export file.");
        }
        var salesforce = kinds.Where(k => k.Kind is CrmFileKind.SalesforceTasks or CrmFileKind.SalesforceEvents).ToList();
        if (salesforce.Count > 0 && kinds.All(k => k.Kind != CrmFileKind.Users))
        {
            problems.Add(salesforce[0].File.Name, 1, "OwnerId",
                "Salesforce names activity owners by user id: add User.csv from the same export, so that each owner becomes a rep's email.");
        }
        if (kinds.Count > 0 && kinds.All(k => k.Kind == CrmFileKind.Users))
        {
            problems.Add(kinds[0].File.Name, 1, "", "This is a list of users only; add the activity files too (Task.csv and Event.csv, or HubSpot's calls, meetings, emails or tasks).");
        }

        // Users first, so that every activity file can resolve its owners whatever the upload order.
        foreach (var (file, _) in kinds.Where(k => k.Kind == CrmFileKind.Users))
        {
            using var sheet = new CrmSheet(file, problems);
            ReadUsers(sheet, users);
            summaries[file] = new CrmFileSummary(file.Name, CrmFileKind.Users, sheet.DataLines);
        }
        foreach (var (file, kind) in kinds.Where(k => k.Kind is not (CrmFileKind.Users or CrmFileKind.Unknown)))
        {
            using var sheet = new CrmSheet(file, problems);
            var reader = new ActivityReader(sheet, kind, users, problems, seen, options.TimeZone, onRecord, onSkip);
            reader.Read();
            summaries[file] = new CrmFileSummary(file.Name, kind, sheet.DataLines);
        }
        var list = kinds.Select(k => summaries.GetValueOrDefault(k.File) ?? new CrmFileSummary(k.File.Name, k.Kind, 0)).ToList();
        return new CrmExportReport(list, problems.List, problems.Count);
    }

    /// <summary>What a header row says a file is.</summary>
    public static CrmFileKind Recognise(string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var names = header.Select(StrictCsv.HeaderName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Has(params string[] candidates) => candidates.Any(names.Contains);
        if (Has("OwnerId"))
        {
            return Has("ActivityDateTime", "DurationInMinutes", "IsAllDayEvent", "StartDateTime")
                ? CrmFileKind.SalesforceEvents
                : CrmFileKind.SalesforceTasks;
        }
        if (Has(HubSpotColumns.CallTitle) || Has(HubSpotColumns.CallDuration))
        {
            return CrmFileKind.HubSpotCalls;
        }
        if (Has(HubSpotColumns.MeetingTitle) || Has(HubSpotColumns.MeetingStart))
        {
            return CrmFileKind.HubSpotMeetings;
        }
        if (Has(HubSpotColumns.EmailSubject))
        {
            return CrmFileKind.HubSpotEmails;
        }
        if (Has(HubSpotColumns.TaskTitle) || Has(HubSpotColumns.TaskType))
        {
            return CrmFileKind.HubSpotTasks;
        }
        return Has("Email") && Has(UserColumns.Id) ? CrmFileKind.Users : CrmFileKind.Unknown;
    }

    private static CrmFileKind Recognise(CrmFile file, CrmProblems problems)
    {
        using var sheet = new CrmSheet(file, problems);
        if (sheet.IsEmpty)
        {
            problems.Add(file.Name, 1, "", "The file is empty; an export has a header row and one line per record.");
            return CrmFileKind.Unknown;
        }
        if (sheet.IsSemicolonSeparated)
        {
            problems.Add(file.Name, 1, "", "The file is separated by semicolons (;); SalesSpec reads comma-separated CSV. Export it again as CSV, or replace the semicolons with commas.");
            return CrmFileKind.Unknown;
        }
        var kind = Recognise(sheet.Header);
        if (kind == CrmFileKind.Unknown)
        {
            problems.Add(file.Name, 1, "",
                "SalesSpec cannot tell what this file is: it expects Salesforce Task.csv, Event.csv and User.csv (with API field names such as OwnerId), or HubSpot calls, meetings, emails or tasks exports. docs/import.md lists the columns.");
        }
        return kind;
    }

    private static void ReadUsers(CrmSheet sheet, CrmUsers users)
    {
        var id = sheet.Column(UserColumns.Id);
        var email = sheet.Column("Email");
        var name = sheet.Column("Name", "Full Name");
        var first = sheet.Column("FirstName", "First Name");
        var last = sheet.Column("LastName", "Last Name");
        foreach (var (_, fields) in sheet.Lines())
        {
            var fullName = name.Of(fields);
            if (fullName.Length == 0)
            {
                fullName = $"{first.Of(fields)} {last.Of(fields)}".Trim();
            }
            users.Add(id.Of(fields), email.Of(fields), fullName.Length == 0 ? null : fullName);
        }
    }
}
