using System.Globalization;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Crm;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>Reads the lines of one activity file, of any kind, into records, skips and problems.</summary>
internal sealed class ActivityReader(
    CrmSheet sheet, CrmFileKind kind, CrmUsers users, CrmProblems problems, HashSet<(string Source, string Id)> seen, TimeZoneInfo zone,
    Action<CrmRecord> onRecord, Action<CrmSkip> onSkip)
{
    private string FileName => sheet.File.Name;

    public void Read()
    {
        switch (kind)
        {
            case CrmFileKind.SalesforceTasks:
                ReadSalesforce(isEvent: false);
                break;
            case CrmFileKind.SalesforceEvents:
                ReadSalesforce(isEvent: true);
                break;
            default:
                ReadHubSpot();
                break;
        }
    }

    private void ReadSalesforce(bool isEvent)
    {
        var id = sheet.Column("Id");
        var owner = sheet.Column("OwnerId");
        var subject = sheet.Column("Subject");
        var who = sheet.Column("WhoId");
        var what = sheet.Column("WhatId");
        var type = sheet.Column("Type");
        var subtype = sheet.Column("TaskSubtype");
        var deleted = sheet.Column("IsDeleted");
        var closed = sheet.Column("IsClosed");
        var allDay = sheet.Column("IsAllDayEvent");
        var recurrence = sheet.Column("IsRecurrence");
        var callSeconds = sheet.Column("CallDurationInSeconds");
        var duration = sheet.Column("DurationInMinutes");
        var start = sheet.Column("StartDateTime");
        var end = sheet.Column("EndDateTime");
        // ActivityDate is a date, the record's own calendar day (an event's, as its owner saw it): it comes first and
        // stays as written. The others are UTC timestamps, counted on their day in the organisation's zone.
        var activityDate = Date(sheet.Column("ActivityDate"));
        DateColumn[] dates = isEvent
            ? [activityDate, Timestamp(sheet.Column("ActivityDateTime")), Timestamp(start)]
            : [activityDate, Timestamp(sheet.Column("CompletedDateTime")), Timestamp(sheet.Column("CreatedDate"))];
        if (!Require(id, subject) || !RequireAny(dates))
        {
            return;
        }

        foreach (var (line, fields) in sheet.Lines())
        {
            var subjectText = subject.Of(fields);
            var recordId = id.Of(fields);
            var ownerId = owner.Of(fields);
            var activityType = isEvent ? CrmActivityType.Meeting : SalesforceTaskType(subtype.Of(fields), type.Of(fields));
            if (!TryFlag(line, fields, deleted, out var isDeleted) | !TryFlag(line, fields, closed, out var isClosed, whenMissing: true)
                | !TryFlag(line, fields, allDay, out var isAllDay) | !TryFlag(line, fields, recurrence, out var isSeries)
                | !TryFirstDate(line, fields, dates, out var date))
            {
                continue;
            }
            decimal? minutes;
            if (isEvent && isAllDay)
            {
                // Multi-day holidays run past a day's minutes; they are skipped, not checked.
                minutes = null;
            }
            else if (isEvent)
            {
                if (!TryMinutes(line, fields, duration, 1m, out minutes) || !TrySpan(line, fields, start, end, ref minutes))
                {
                    continue;
                }
                if (minutes > CrmValues.MaxMinutes)
                {
                    problems.Add(FileName, line, end.Name, $"A duration of {minutes:0.#} minutes is more than a day; check the record.");
                    continue;
                }
            }
            else if (!TryMinutes(line, fields, callSeconds, 60m, out minutes))
            {
                continue;
            }

            CrmSkipReason? skip = isDeleted ? CrmSkipReason.Deleted
                : isSeries ? CrmSkipReason.RecurringSeries
                : !isClosed ? CrmSkipReason.OpenTask
                : isAllDay ? CrmSkipReason.AllDayEvent
                : null;
            var links = CrmValues.SalesforceLink(who.Of(fields)) | CrmValues.SalesforceLink(what.Of(fields));
            Emit(line, recordId, true, ownerId, activityType, subjectText, date, minutes, links, skip);
        }
    }

    private void ReadHubSpot()
    {
        var id = sheet.Column(HubSpotColumns.Id);
        var owner = sheet.Column(HubSpotColumns.Owner);
        var date = sheet.Column(HubSpotColumns.Date);
        var subject = kind switch
        {
            CrmFileKind.HubSpotCalls => sheet.Column(HubSpotColumns.CallTitle),
            CrmFileKind.HubSpotMeetings => sheet.Column(HubSpotColumns.MeetingTitle),
            CrmFileKind.HubSpotEmails => sheet.Column(HubSpotColumns.EmailSubject),
            _ => sheet.Column(HubSpotColumns.TaskTitle),
        };
        var callDuration = sheet.Column(HubSpotColumns.CallDuration);
        var start = sheet.Column(HubSpotColumns.MeetingStart);
        var end = sheet.Column(HubSpotColumns.MeetingEnd);
        var outcome = sheet.Column(HubSpotColumns.MeetingOutcome);
        var taskType = sheet.Column(HubSpotColumns.TaskType);
        var taskStatus = sheet.Column(HubSpotColumns.TaskStatus);
        (CrmColumn Column, CrmLink Link)[] associations =
        [
            (sheet.Column(HubSpotColumns.Lead), CrmLink.Lead),
            (sheet.Column(HubSpotColumns.Contact), CrmLink.Contact),
            (sheet.Column(HubSpotColumns.Deal), CrmLink.Opportunity),
            (sheet.Column(HubSpotColumns.Company), CrmLink.Account),
            (sheet.Column(HubSpotColumns.Ticket), CrmLink.Case),
        ];
        // HubSpot's dates are all timestamps: the portal's wall clock without a zone in its exports, or Unix milliseconds.
        DateColumn[] dates = kind switch
        {
            CrmFileKind.HubSpotMeetings => [Timestamp(date), Timestamp(start)],
            CrmFileKind.HubSpotTasks => [Timestamp(date), Timestamp(sheet.Column(HubSpotColumns.DueDate))],
            _ => [Timestamp(date)],
        };
        if (!Require(owner, subject) || !RequireAny(dates))
        {
            return;
        }

        foreach (var (line, fields) in sheet.Lines())
        {
            if (!TryFirstDate(line, fields, dates, out var day))
            {
                continue;
            }
            decimal? minutes = null;
            var type = CrmActivityType.Task;
            CrmSkipReason? skip = null;
            switch (kind)
            {
                case CrmFileKind.HubSpotCalls:
                    type = CrmActivityType.Call;
                    if (!CrmValues.TryCallDuration(callDuration.Of(fields), out minutes))
                    {
                        problems.Add(FileName, line, callDuration.Name, $"'{Echo.Cut(callDuration.Of(fields))}' is not a call duration; HubSpot writes milliseconds (90000) or h:mm:ss (0:01:30).");
                        continue;
                    }
                    break;
                case CrmFileKind.HubSpotMeetings:
                    type = CrmActivityType.Meeting;
                    if (!TrySpan(line, fields, start, end, ref minutes))
                    {
                        continue;
                    }
                    skip = outcome.Of(fields).ToUpperInvariant() is "CANCELED" or "CANCELLED" ? CrmSkipReason.CanceledMeeting : null;
                    break;
                case CrmFileKind.HubSpotEmails:
                    type = CrmActivityType.Email;
                    break;
                default:
                    type = taskType.Of(fields).ToUpperInvariant() switch
                    {
                        "CALL" => CrmActivityType.Call,
                        "EMAIL" => CrmActivityType.Email,
                        _ => CrmActivityType.Task,
                    };
                    // The API writes NOT_STARTED, the screens "Not started".
                    var status = taskStatus.Of(fields).ToUpperInvariant().Replace(' ', '_');
                    skip = taskStatus.Exists && status is not ("COMPLETED" or "") ? CrmSkipReason.OpenTask : null;
                    break;
            }
            if (minutes > CrmValues.MaxMinutes)
            {
                problems.Add(FileName, line, callDuration.Exists ? callDuration.Name : end.Name, $"A duration of {minutes:0.#} minutes is more than a day; check the record.");
                continue;
            }
            var links = associations.Where(a => a.Column.Of(fields).Length > 0).Aggregate(CrmLink.None, (all, a) => all | a.Link);
            Emit(line, id.Exists ? id.Of(fields) : line.ToString(CultureInfo.InvariantCulture), id.Exists, owner.Of(fields), type, subject.Of(fields), day, minutes, links, skip);
        }
    }

    private void Emit(int line, string recordId, bool hasId, string owner, CrmActivityType type, string subject, DateOnly? date, decimal? minutes, CrmLink links, CrmSkipReason? skip)
    {
        var resolved = users.Resolve(owner);
        // Salesforce ids are unique across tasks and events; HubSpot's within one kind of activity.
        var source = kind is CrmFileKind.SalesforceTasks or CrmFileKind.SalesforceEvents ? "Salesforce" : kind.ToString();
        if (skip is null && hasId && recordId.Length > 0 && !seen.Add((source, recordId)))
        {
            skip = CrmSkipReason.Duplicate;
        }
        skip ??= resolved is null ? CrmSkipReason.UnknownOwner : date is null ? CrmSkipReason.NoDate : null;
        if (skip is { } reason)
        {
            onSkip(new CrmSkip(FileName, line, recordId, resolved?.Email ?? owner, type, subject, date, reason));
            return;
        }
        // A zero duration (an unanswered call) says nothing about the time it took: the type's standard minutes apply.
        onRecord(new CrmRecord(FileName, line, recordId, resolved!.Value.Email, resolved.Value.Name, type, subject, date!.Value, minutes is > 0 ? minutes : null, links));
    }

    private static CrmActivityType SalesforceTaskType(string subtype, string type) => subtype.ToUpperInvariant() switch
    {
        "CALL" => CrmActivityType.Call,
        "EMAIL" or "LISTEMAIL" => CrmActivityType.Email,
        "" => type.ToUpperInvariant() switch
        {
            "CALL" => CrmActivityType.Call,
            "EMAIL" => CrmActivityType.Email,
            "MEETING" => CrmActivityType.Meeting,
            _ => CrmActivityType.Task,
        },
        _ => CrmActivityType.Task,
    };

    private bool Require(params CrmColumn[] columns)
    {
        var missing = columns.Where(c => !c.Exists).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            problems.Add(FileName, 1, missing[0], $"The file has no {string.Join(" or ", missing)} column; without it the records cannot be read. Export the file with all fields.");
        }
        return missing.Count == 0;
    }

    private bool RequireAny(DateColumn[] columns)
    {
        if (columns.Any(c => c.Column.Exists))
        {
            return true;
        }
        problems.Add(FileName, 1, columns[0].Column.Name, $"The file has no date column ({string.Join(", ", columns.Select(c => c.Column.Name))}); export the file with all fields.");
        return false;
    }

    private bool TryFlag(int line, string[] fields, CrmColumn column, out bool value, bool whenMissing = false)
    {
        value = whenMissing;
        if (!column.Exists)
        {
            return true;
        }
        if (CrmValues.Flag(column.Of(fields)) is { } flag)
        {
            value = flag;
            return true;
        }
        problems.Add(FileName, line, column.Name, $"'{Echo.Cut(column.Of(fields))}' is not true or false.");
        return false;
    }

    /// <summary>
    /// The day of the first of the date columns that has a value; null (and true) when none has. A date column keeps
    /// the date it shows; a timestamp with a zone counts on its day in the organisation's zone.
    /// </summary>
    private bool TryFirstDate(int line, string[] fields, DateColumn[] columns, out DateOnly? date)
    {
        date = null;
        foreach (var (column, isDate) in columns.Where(c => c.Column.Exists))
        {
            var text = column.Of(fields);
            if (text.Length == 0)
            {
                continue;
            }
            if (!CrmValues.TryMoment(text, out var moment))
            {
                problems.Add(FileName, line, column.Name, $"'{Echo.Cut(text)}' is not a date. {CrmValues.DateHint}");
                return false;
            }
            if (!CrmValues.InRange(moment))
            {
                problems.Add(FileName, line, column.Name, $"'{Echo.Cut(text)}' is outside the years 1900–2999; leave such records out of the export.");
                return false;
            }
            date = isDate ? moment.WrittenDay : moment.DayIn(zone);
            return true;
        }
        return true;
    }

    // Divided, not multiplied by 1/60: 90 s is exactly 1.5 minutes, and a call of exactly a day is a day, not a hair over.
    private bool TryMinutes(int line, string[] fields, CrmColumn column, decimal unitsPerMinute, out decimal? minutes)
    {
        minutes = null;
        var text = column.Of(fields);
        if (!CrmValues.TryNumber(text, out var number))
        {
            problems.Add(FileName, line, column.Name, $"'{Echo.Cut(text)}' is not a duration; it must be a number ≥ 0.");
            return false;
        }
        minutes = number / unitsPerMinute;
        if (minutes > CrmValues.MaxMinutes)
        {
            problems.Add(FileName, line, column.Name, $"A duration of {minutes:0.#} minutes is more than a day; check the record.");
            return false;
        }
        return true;
    }

    /// <summary>When the record gives no duration but a start and an end, the time between them.</summary>
    private bool TrySpan(int line, string[] fields, CrmColumn start, CrmColumn end, ref decimal? minutes)
    {
        if (minutes is not null || start.Of(fields).Length == 0 || end.Of(fields).Length == 0)
        {
            return true;
        }
        foreach (var column in new[] { start, end })
        {
            if (!CrmValues.TryMoment(column.Of(fields), out _))
            {
                problems.Add(FileName, line, column.Name, $"'{Echo.Cut(column.Of(fields))}' is not a date and time. {CrmValues.DateHint}");
                return false;
            }
        }
        CrmValues.TryMoment(start.Of(fields), out var fromMoment);
        CrmValues.TryMoment(end.Of(fields), out var toMoment);
        var (from, to) = (fromMoment.ForSpan, toMoment.ForSpan);
        if (to < from)
        {
            problems.Add(FileName, line, end.Name, "The end is before the start.");
            return false;
        }
        minutes = (decimal)(to - from).TotalMinutes;
        return true;
    }

    private static DateColumn Date(CrmColumn column) => new(column, IsDate: true);

    private static DateColumn Timestamp(CrmColumn column) => new(column, IsDate: false);

    /// <summary>A column that can date a record, and whether it holds dates or timestamps.</summary>
    private readonly record struct DateColumn(CrmColumn Column, bool IsDate);
}
