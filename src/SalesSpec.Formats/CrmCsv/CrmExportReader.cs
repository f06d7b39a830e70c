using SalesSpec.Domain.Common;
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
        var state = new CrmReadState(options, problems, new CrmUsers(options));
        var seen = files.Select(f => (File: f, Seen: Recognise(f, problems, options))).ToList();
        var kinds = seen.Select(s => (s.File, s.Seen.Kind)).ToList();
        var layouts = seen.Where(s => s.Seen.Layout is not null).ToDictionary(s => s.File, s => s.Seen.Layout!);
        var headers = seen.ToDictionary(s => s.File, s => s.Seen.Header);
        var notes = seen.ToDictionary(s => s.File, s => s.Seen.Note);
        var summaries = new Dictionary<CrmFile, CrmFileSummary>();

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
        if (options.Layout is { } chosen && layouts.Count == 0 && files.Count > 0 && kinds.All(k => k.Kind != CrmFileKind.Unknown))
        {
            problems.Add(files[0].Name, 1, "", $"No file has every column of the layout '{chosen.Name}' ({string.Join(", ", chosen.Columns.Select(c => $"'{Echo.Cut(c)}'"))}); leave the layout out for these files, or choose another.");
        }
        if (kinds.Count > 0 && kinds.All(k => k.Kind == CrmFileKind.Users))
        {
            problems.Add(kinds[0].File.Name, 1, "", "This is a list of users only; add the activity files too (Task.csv and Event.csv, or HubSpot's calls, meetings, emails or tasks).");
        }

        // Users first, so that every activity file can resolve its owners whatever the upload order.
        foreach (var (file, _) in kinds.Where(k => k.Kind == CrmFileKind.Users))
        {
            using var sheet = new CrmSheet(file, problems);
            ReadUsers(sheet, state.Users);
            summaries[file] = Summary(sheet, CrmFileKind.Users);
        }
        foreach (var (file, kind) in kinds.Where(k => k.Kind is not (CrmFileKind.Users or CrmFileKind.Unknown)))
        {
            var order = DateOrderOf(file, options.DateOrder, problems);
            using var sheet = new CrmSheet(file, problems);
            if (order is { } known)
            {
                new ActivityReader(sheet, kind, state, known, onRecord, onSkip, layouts.GetValueOrDefault(file)).Read();
            }
            summaries[file] = Summary(sheet, kind) with { Layout = layouts.GetValueOrDefault(file)?.Name, Columns = kind == CrmFileKind.Mapped ? headers[file] : [] };
        }
        var list = kinds.Select(k => summaries.GetValueOrDefault(k.File)
            ?? new CrmFileSummary(k.File.Name, k.Kind, 0) { Columns = k.Kind == CrmFileKind.Unknown ? headers[k.File] : [], Note = notes[k.File] }).ToList();
        return new CrmExportReport(list, problems.List, problems.Count)
        {
            UnmatchedOwners = CrmReadState.Ranked(state.Unmatched),
            SystemUsers = CrmReadState.Ranked(state.SystemUsers),
            InactiveOwners = CrmReadState.Ranked(state.Inactive),
            Notes = state.Notes,
            RecordsResolved = state.Resolved,
        };
    }

    private static CrmFileSummary Summary(CrmSheet sheet, CrmFileKind kind) =>
        new(sheet.File.Name, kind, sheet.DataLines) { Note = NoteOn(sheet) };

    /// <summary>A word on how the file was read, when it was read in an unusual way (its encoding, its separator).</summary>
    private static string? NoteOn(CrmSheet sheet)
    {
        string?[] notes =
        [
            sheet.Encoding is { CodePage: not 65001 } encoding
                ? $"Not UTF-8: read as {encoding.WebName} (Windows-1252), as Salesforce's ISO-8859-1 option and older Excel write it. Check the names in the preview."
                : null,
            sheet.Separator == ';' ? "Separated by semicolons, as Excel saves CSV where the decimal mark is a comma: numbers such as 1,5 are read as 1.5." : null,
        ];
        var note = string.Join(" ", notes.OfType<string>());
        return note.Length == 0 ? null : note;
    }

    /// <summary>
    /// How to read the file's d/m/y dates: what its own dates show (a first number above 12 is a day, a second one above
    /// 12 a day too), else what the consultant chose. Null, with a problem, when the file cannot be read either way.
    /// </summary>
    private static CrmDateOrder? DateOrderOf(CrmFile file, CrmDateOrder? chosen, CrmProblems problems)
    {
        var evidence = new SlashDateEvidence();
        using (var sheet = new CrmSheet(file, new CrmProblems(0)))
        {
            foreach (var (line, fields) in sheet.Lines())
            {
                foreach (var field in fields)
                {
                    evidence.Add(field.Trim(), line);
                }
            }
        }
        if (evidence.DayFirstLine is { } dayLine && evidence.MonthFirstLine is { } monthLine)
        {
            problems.Add(file.Name, Math.Max(dayLine, monthLine), "",
                $"The file mixes day-first dates (line {dayLine}) and month-first dates (line {monthLine}); export it again without opening it in Excel.");
            return null;
        }
        if (evidence.DayFirstLine is not null)
        {
            return CrmDateOrder.DayFirst;
        }
        if (evidence.MonthFirstLine is not null)
        {
            return CrmDateOrder.MonthFirst;
        }
        if (evidence.AmbiguousExample is { } example && chosen is null)
        {
            problems.Add(file.Name, evidence.AmbiguousLine, "",
                $"Dates such as '{example}' can be read day first or month first, and no date in the file tells which; choose the date order (day first or month first) and import again.");
            return null;
        }
        return chosen ?? CrmDateOrder.DayFirst;
    }

    /// <summary>What a header row says a file is.</summary>
    public static CrmFileKind Recognise(string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var names = header.Select(h => HeaderKey.Of(h).Key).ToHashSet(StringComparer.Ordinal);
        bool Has(params string[] candidates) => candidates.Any(c => names.Contains(HeaderKey.Key(c)));
        // A users list first: HubSpot's "Owner ID" reads like Salesforce's OwnerId once case and spaces do not count.
        if (Has("Email") && Has(UserColumns.Id) && !Has("Subject") && !Has(HubSpotColumns.CallTitle) && !Has(HubSpotColumns.MeetingTitle)
            && !Has(HubSpotColumns.EmailSubject) && !Has(HubSpotColumns.TaskTitle))
        {
            return CrmFileKind.Users;
        }
        if (Has("OwnerId"))
        {
            return Has("ActivityDateTime", "DurationInMinutes", "IsAllDayEvent", "StartDateTime")
                ? CrmFileKind.SalesforceEvents
                : CrmFileKind.SalesforceTasks;
        }
        if (Has("Start Date") && Has("Duration") && Has("User", "Email") && Has("Project"))
        {
            return CrmFileKind.ClockifyOrToggl;
        }
        if (Has("Hours") && Has("First Name") && Has("Last Name") && Has("Date"))
        {
            return CrmFileKind.Harvest;
        }
        if (Has("Activity") && Has("Customer") && Has("Duration") && Has("Date"))
        {
            return CrmFileKind.Kimai;
        }
        // "Assigned" beside "Activity Type" is what Salesforce's activity reports have and HubSpot's exports never do.
        if (Has("Assigned") && Has("Activity Type"))
        {
            return CrmFileKind.SalesforceReport;
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
        return CrmFileKind.Unknown;
    }

    /// <summary>
    /// What a file is, from its header: a known export, or a file read through a layout (the one chosen for this import
    /// when the file has its columns, else for a file not recognised the first saved layout that fits).
    /// </summary>
    private static (CrmFileKind Kind, CrmLayout? Layout, IReadOnlyList<string> Header, string? Note) Recognise(CrmFile file, CrmProblems problems, CrmExportOptions options)
    {
        using var sheet = new CrmSheet(file, problems);
        if (sheet.Unreadable)
        {
            problems.Add(file.Name, 1, "", "The file is a zip archive but not a readable Excel workbook; export it again as CSV or XLSX.");
            return (CrmFileKind.Unknown, null, [], null);
        }
        if (sheet.IsEmpty)
        {
            problems.Add(file.Name, 1, "", "The file is empty; an export has a header row and one line per record.");
            return (CrmFileKind.Unknown, null, [], null);
        }
        var header = sheet.Header.Select(StrictCsv.HeaderName).ToList();
        var kind = Recognise(sheet.Header);
        if (kind != CrmFileKind.Users && options.Layout is { } chosen && chosen.Fits(header))
        {
            return (CrmFileKind.Mapped, chosen, header, null);
        }
        if (kind == CrmFileKind.Unknown && options.Layout is { } unfit)
        {
            // The layout the consultant chose, not another that happens to fit: say what it lacks.
            var missing = unfit.MissingFrom(header);
            problems.Add(file.Name, 1, missing.Count > 0 ? missing[0] : "",
                $"The file has no {string.Join(" or ", missing.Select(m => $"'{Echo.Cut(m)}'"))} column, which the layout '{unfit.Name}' reads; choose its columns again from the file's header.");
        }
        // Of the saved layouts that fit, the one that reads the most columns: a later layout of owner and date only
        // must not take over the files a fuller one was made for. The latest saved first among equals.
        else if (kind == CrmFileKind.Unknown && options.SavedLayouts.Where(l => l.Fits(header)).MaxBy(l => l.Columns.Count()) is { } saved)
        {
            return (CrmFileKind.Mapped, saved, header, null);
        }
        else if (kind == CrmFileKind.Unknown)
        {
            problems.Add(file.Name, 1, "",
                "SalesSpec cannot tell what this file is: it expects Salesforce Task.csv, Event.csv and User.csv (with API field names such as OwnerId), a Salesforce activities report, HubSpot calls, meetings, emails or tasks exports, or a Clockify, Toggl Track, Harvest or Kimai detailed report. Map its columns (owner, date, duration, subject, type, status) in the preview, or name a saved layout (layout=); docs/import.md lists the columns.");
        }
        return (kind, null, header, NoteOn(sheet));
    }

    private static void ReadUsers(CrmSheet sheet, CrmUsers users)
    {
        var id = sheet.Column(UserColumns.Id);
        var email = sheet.Column("Email");
        var name = sheet.Column("Name", "Full Name");
        var first = sheet.Column("FirstName", "First Name");
        var last = sheet.Column("LastName", "Last Name");
        var type = sheet.Column("UserType", "User Type");
        var profile = sheet.Column("Profile.Name", "Profile", "ProfileName");
        var username = sheet.Column("Username", "User Name");
        var active = sheet.Column("IsActive", "Active");
        foreach (var (_, fields) in sheet.Lines())
        {
            var fullName = name.Of(fields);
            if (fullName.Length == 0)
            {
                fullName = $"{first.Of(fields)} {last.Of(fields)}".Trim();
            }
            users.Add(id.Of(fields), email.Of(fields), fullName.Length == 0 ? null : fullName,
                type.Of(fields), profile.Of(fields), username.Of(fields), active.Of(fields).Length == 0 || CrmValues.Flag(active.Of(fields)) != false);
        }
    }
}
