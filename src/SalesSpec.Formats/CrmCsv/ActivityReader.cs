using System.Globalization;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Crm;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>Reads the lines of one activity file, of any kind, into records, skips and problems.</summary>
internal sealed class ActivityReader(
    CrmSheet sheet, CrmFileKind kind, CrmReadState state, CrmDateOrder dateOrder, Action<CrmRecord> onRecord, Action<CrmSkip> onSkip, CrmLayout? layout = null)
{
    private readonly CrmProblems problems = state.Problems;
    private readonly TimeZoneInfo zone = state.Options.TimeZone;
    private bool _damageReported;

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
            case CrmFileKind.SalesforceReport:
                ReadReport();
                break;
            case CrmFileKind.ClockifyOrToggl or CrmFileKind.Harvest or CrmFileKind.Kimai:
                ReadTimeTracker();
                break;
            case CrmFileKind.Mapped:
                ReadMapped(layout!);
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
        var status = sheet.Column("Status");
        var callType = sheet.Column("CallType");
        var disposition = sheet.Column("CallDisposition");
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
        var activityDateTime = sheet.Column("ActivityDateTime");
        DateColumn[] dates = isEvent
            ? [activityDate, Timestamp(activityDateTime), Timestamp(start)]
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
                if (!TryMinutes(line, fields, duration, DurationUnit.Minutes, out minutes) || !TrySpan(line, fields, start, end, ref minutes))
                {
                    continue;
                }
            }
            else if (!TryMinutes(line, fields, callSeconds, DurationUnit.Seconds, out minutes))
            {
                continue;
            }
            else if (minutes > CrmValues.MaxMinutes)
            {
                problems.Add(FileName, line, callSeconds.Name, $"A call of {minutes:0.#} minutes is more than a day; check the record.");
                continue;
            }

            CrmSkipReason? skip = isDeleted ? CrmSkipReason.Deleted
                : isSeries ? CrmSkipReason.RecurringSeries
                : !isClosed ? CrmSkipReason.OpenTask
                : isAllDay ? CrmSkipReason.AllDayEvent
                : null;
            var links = CrmValues.SalesforceLink(who.Of(fields)) | CrmValues.SalesforceLink(what.Of(fields));
            var record = new RecordRead(line, recordId, true, ownerId, activityType, subjectText, date, minutes, links, skip)
            {
                Direction = callType.Of(fields),
                Outcome = disposition.Of(fields),
                Status = status.Of(fields),
            };
            Emit(record, Moment(fields, start) ?? Moment(fields, activityDateTime), Moment(fields, end));
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
        var emailDirection = sheet.Column(HubSpotColumns.EmailDirection);
        var direction = kind == CrmFileKind.HubSpotEmails ? emailDirection : sheet.Column(HubSpotColumns.CallDirection);
        var recordOutcome = kind == CrmFileKind.HubSpotMeetings ? outcome : sheet.Column(HubSpotColumns.CallOutcome);
        var recordStatus = kind == CrmFileKind.HubSpotTasks ? taskStatus : sheet.Column([.. HubSpotColumns.CallStatus, .. HubSpotColumns.EmailStatus]);
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
                    if (!CrmValues.TryDuration(callDuration.Of(fields), callDuration.Unit, DurationUnit.Milliseconds, out minutes))
                    {
                        problems.Add(FileName, line, callDuration.Name, $"'{Echo.Cut(callDuration.Of(fields))}' is not a call duration; HubSpot writes h:mm:ss (0:01:30), or milliseconds (90000) under its API name.");
                        continue;
                    }
                    if (minutes > CrmValues.MaxMinutes)
                    {
                        problems.Add(FileName, line, callDuration.Name, $"A call of {minutes:0.#} minutes is more than a day; check the record.");
                        continue;
                    }
                    break;
                case CrmFileKind.HubSpotMeetings:
                    type = CrmActivityType.Meeting;
                    if (!TrySpan(line, fields, start, end, ref minutes))
                    {
                        continue;
                    }
                    skip = CrmText.Plain(outcome.Of(fields)) switch
                    {
                        "CANCELED" or "CANCELLED" => CrmSkipReason.CanceledMeeting,
                        "NOSHOW" => CrmSkipReason.NoShowMeeting,
                        "RESCHEDULED" => CrmSkipReason.RescheduledMeeting,
                        _ => null,
                    };
                    break;
                case CrmFileKind.HubSpotEmails:
                    type = CrmActivityType.Email;
                    // HubSpot: EMAIL (sent), INCOMING_EMAIL, FORWARDED_EMAIL, DRAFT_EMAIL; its screens "Incoming reply" and the like.
                    skip = CrmText.Plain(emailDirection.Of(fields)) is "INCOMINGEMAIL" or "INCOMING" or "INCOMINGREPLY" or "RECEIVED" or "INBOUND"
                        ? CrmSkipReason.IncomingEmail
                        : null;
                    break;
                default:
                    type = taskType.Of(fields).ToUpperInvariant() switch
                    {
                        "CALL" => CrmActivityType.Call,
                        "EMAIL" => CrmActivityType.Email,
                        _ => CrmActivityType.Task,
                    };
                    // The API writes NOT_STARTED, the screens "Not started".
                    var status = CrmText.Plain(taskStatus.Of(fields));
                    skip = taskStatus.Exists && status is not ("COMPLETED" or "") ? CrmSkipReason.OpenTask : null;
                    break;
            }
            var links = associations.Where(a => a.Column.Of(fields).Length > 0).Aggregate(CrmLink.None, (all, a) => all | a.Link);
            var record = new RecordRead(line, id.Exists ? id.Of(fields) : line.ToString(CultureInfo.InvariantCulture), id.Exists, owner.Of(fields), type, subject.Of(fields), day, minutes, links, skip)
            {
                Direction = direction.Of(fields),
                Outcome = recordOutcome.Of(fields),
                Status = recordStatus.Of(fields),
            };
            Emit(record, Moment(fields, start), Moment(fields, end));
        }
    }

    /// <summary>
    /// A Salesforce activities report ("Export › Details only"): the owner by name, the type in "Activity Type", dates in
    /// the exporting user's locale, call durations in seconds, an event's in minutes; no ids, so nothing is taken for a
    /// duplicate.
    /// </summary>
    private void ReadReport()
    {
        var owner = sheet.Column(ReportColumns.Owner);
        var date = sheet.Column(ReportColumns.Date);
        var type = sheet.Column(ReportColumns.Type);
        var subject = sheet.Column(ReportColumns.Subject);
        var callDuration = sheet.Column(ReportColumns.CallDuration);
        var duration = sheet.Column(ReportColumns.Duration);
        var status = sheet.Column(ReportColumns.Status);
        var id = sheet.Column(ReportColumns.Id);
        (CrmColumn Column, CrmLink Link)[] associations =
        [
            (sheet.Column(ReportColumns.Lead), CrmLink.Lead),
            (sheet.Column(ReportColumns.Contact), CrmLink.Contact),
            (sheet.Column(ReportColumns.Opportunity), CrmLink.Opportunity),
            (sheet.Column(ReportColumns.Account), CrmLink.Account),
            (sheet.Column(ReportColumns.Case), CrmLink.Case),
        ];
        DateColumn[] dates = [Timestamp(date)];
        if (!Require(owner) || !RequireAny(dates))
        {
            return;
        }
        foreach (var (line, fields) in sheet.Lines(footer: true))
        {
            if (!TryFirstDate(line, fields, dates, out var day))
            {
                continue;
            }
            var activityType = CrmText.Plain(type.Of(fields)) switch
            {
                "CALL" => CrmActivityType.Call,
                "EMAIL" or "LISTEMAIL" => CrmActivityType.Email,
                "MEETING" or "EVENT" => CrmActivityType.Meeting,
                _ => CrmActivityType.Task,
            };
            decimal? minutes = null;
            if (activityType == CrmActivityType.Call && callDuration.Of(fields).Length > 0)
            {
                if (!TryMinutes(line, fields, callDuration, DurationUnit.Seconds, out minutes))
                {
                    continue;
                }
            }
            else if (!TryMinutes(line, fields, duration, DurationUnit.Minutes, out minutes))
            {
                continue;
            }
            var state = CrmText.Plain(status.Of(fields));
            CrmSkipReason? skip = activityType != CrmActivityType.Meeting && state is not ("" or "COMPLETED") ? CrmSkipReason.OpenTask : null;
            var links = associations.Where(a => a.Column.Of(fields).Length > 0).Aggregate(CrmLink.None, (all, a) => all | a.Link);
            var record = new RecordRead(line, id.Exists ? id.Of(fields) : line.ToString(CultureInfo.InvariantCulture), id.Exists, owner.Of(fields), activityType, subject.Of(fields), day, minutes, links, skip)
            {
                Status = status.Of(fields),
            };
            Emit(record);
        }
    }

    /// <summary>
    /// A time tracker's detailed report: each entry is a task of its tracked duration, on its (start) date, owned by
    /// its user's email or name. Its subject joins project, task, activity, description and tags, so that the same
    /// keyword rules book it on an activity. Entries have no ids: none is taken for a duplicate.
    /// </summary>
    private void ReadTimeTracker()
    {
        var email = sheet.Column("Email", "User Email");
        var user = kind == CrmFileKind.Harvest ? new CrmColumn(-1, "User") : sheet.Column("User", "Username", "Name", "Member");
        var first = sheet.Column("First Name");
        var last = sheet.Column("Last Name");
        var date = sheet.Column("Start Date", "Date");
        var duration = kind switch
        {
            CrmFileKind.Harvest => sheet.Column("Hours"),
            _ => sheet.Column("Duration"),
        };
        CrmColumn[] subjectParts =
        [
            sheet.Column("Client", "Customer"), sheet.Column("Project"), sheet.Column("Task"), sheet.Column("Activity"),
            sheet.Column("Description", "Notes"), sheet.Column("Tags"),
        ];
        DateColumn[] dates = [Timestamp(date)];
        if (!RequireAny(dates) || !Require(duration))
        {
            return;
        }
        if (!email.Exists && !user.Exists && !(first.Exists && last.Exists))
        {
            problems.Add(FileName, 1, "User", "The file has no User, Email or First and Last Name column; without it the entries have no owner. Export the detailed report with its user columns.");
            return;
        }
        foreach (var (line, fields) in sheet.Lines())
        {
            if (!TryFirstDate(line, fields, dates, out var day) || !TryMinutes(line, fields, duration, DurationUnit.Hours, out var minutes))
            {
                continue;
            }
            var owner = email.Of(fields) is { Length: > 0 } address ? address
                : user.Of(fields) is { Length: > 0 } name ? name
                : $"{first.Of(fields)} {last.Of(fields)}".Trim();
            var subject = string.Join(" · ", subjectParts.Select(c => c.Of(fields)).Where(t => t.Length > 0));
            var record = new RecordRead(line, line.ToString(CultureInfo.InvariantCulture), false, owner, CrmActivityType.Task, subject, day, minutes ?? 0m, CrmLink.None, null);
            Emit(record);
        }
    }

    /// <summary>
    /// A file read through the consultant's layout: owner and date where they said, a duration in their unit (an empty
    /// cell takes the type's standard minutes, a written one counts exactly, 0 included), the type from its column in
    /// the CRM's words or the layout's one type, and a status that skips open tasks and cancelled, no-show or
    /// rescheduled meetings as the known exports do. No ids: no record is taken for a duplicate.
    /// </summary>
    private void ReadMapped(CrmLayout map)
    {
        var owner = sheet.NamedColumn(map.Owner);
        var date = sheet.NamedColumn(map.Date);
        var duration = Optional(map.Duration);
        var subject = Optional(map.Subject);
        var type = Optional(map.Type);
        var status = Optional(map.Status);
        DateColumn[] dates = [Timestamp(date)];
        var unit = map.DurationUnit switch
        {
            CrmDurationUnit.Seconds => DurationUnit.Seconds,
            CrmDurationUnit.Hours => DurationUnit.Hours,
            _ => DurationUnit.Minutes,
        };
        foreach (var (line, fields) in sheet.Lines(footer: true))
        {
            // 1:30 in a column of minutes or hours is an hour and a half, as time sheets and Excel write it; in one of
            // seconds, a minute and a half. A unit the header names in parentheses decides before the layout's.
            var clock = duration.Of(fields).Count(c => c == ':') == 1 && duration.Unit.Length == 0 && unit != DurationUnit.Seconds;
            decimal? minutes;
            if (!TryFirstDate(line, fields, dates, out var day)
                || !(clock ? TryMinutes(line, fields, duration with { Unit = "h:mm" }, unit, out minutes) : TryMinutes(line, fields, duration, unit, out minutes)))
            {
                continue;
            }
            var recordType = MappedType(type.Of(fields), map.RecordType);
            // Only a meeting (a trade show, an offsite) runs over days; anything else that long is a wrong unit or a typo.
            if (minutes > CrmValues.MaxMinutes && recordType != CrmActivityType.Meeting)
            {
                problems.Add(FileName, line, duration.Name, $"A record of {minutes:0.#} minutes is more than a day; check the record, or the duration unit of the layout '{map.Name}'.");
                continue;
            }
            var statusText = status.Of(fields);
            CrmSkipReason? skip = CrmText.Plain(CrmUsers.Fold(statusText)) switch
            {
                "CANCELED" or "CANCELLED" or "ABGESAGT" or "ANNULE" or "CANCELADO" => CrmSkipReason.CanceledMeeting,
                "NOSHOW" => CrmSkipReason.NoShowMeeting,
                "RESCHEDULED" => CrmSkipReason.RescheduledMeeting,
                "NOTSTARTED" or "OPEN" or "INPROGRESS" or "WAITING" or "DEFERRED" or "OFFEN" or "NICHTBEGONNEN" => CrmSkipReason.OpenTask,
                _ => null,
            };
            var record = new RecordRead(line, line.ToString(CultureInfo.InvariantCulture), false, owner.Of(fields), recordType, subject.Of(fields), day, minutes, CrmLink.None, skip)
            {
                Status = statusText,
                Exact = duration.Of(fields).Length > 0,
            };
            Emit(record);
        }
    }

    private CrmColumn Optional(string? name) => string.IsNullOrWhiteSpace(name) ? new CrmColumn(-1, "") : sheet.NamedColumn(name);

    /// <summary>A type as CRMs write it, in English, German, French or Spanish; anything else is the layout's one type.</summary>
    private static CrmActivityType MappedType(string text, CrmActivityType otherwise) => CrmText.Plain(CrmUsers.Fold(text)) switch
    {
        "CALL" or "CALLS" or "PHONECALL" or "PHONE" or "ANRUF" or "TELEFONAT" or "APPEL" or "LLAMADA" => CrmActivityType.Call,
        "EMAIL" or "EMAILS" or "LISTEMAIL" or "MAIL" or "EMAILNACHRICHT" or "COURRIEL" or "CORREO" => CrmActivityType.Email,
        "MEETING" or "MEETINGS" or "EVENT" or "TERMIN" or "BESPRECHUNG" or "MEETINGTERMIN" or "REUNION" or "RENDEZVOUS" or "CITA" => CrmActivityType.Meeting,
        "TASK" or "TASKS" or "TODO" or "AUFGABE" or "TACHE" or "TAREA" => CrmActivityType.Task,
        _ => otherwise,
    };

    /// <summary>One record, or — an event longer than a day — one per calendar day it covers (see <see cref="EmitLong"/>).</summary>
    private void Emit(RecordRead read, CrmMoment? start = null, CrmMoment? end = null)
    {
        if (read.Minutes > CrmValues.MaxMinutes)
        {
            EmitLong(read, start, end);
        }
        else
        {
            EmitOne(read, checkDuplicate: true);
        }
    }

    private void EmitOne(RecordRead read, bool checkDuplicate)
    {
        var (line, recordId, hasId, owner, type, subject, date, minutes, links, skip) = read;
        var resolved = state.Users.Resolve(owner);
        if (hasId && recordId.Length > 0 && checkDuplicate && IsDamaged(line, recordId))
        {
            hasId = false;
        }
        // Salesforce ids are unique across tasks and events; HubSpot's within one kind of activity.
        var source = kind is CrmFileKind.SalesforceTasks or CrmFileKind.SalesforceEvents ? "Salesforce" : kind.ToString();
        if (skip is null && hasId && recordId.Length > 0 && checkDuplicate && !state.Seen.Add((source, recordId)))
        {
            if (CrmValues.LooksRounded(recordId))
            {
                ReportDamage(line, recordId);
            }
            skip = CrmSkipReason.Duplicate;
        }
        var label = resolved?.Name ?? (resolved is { Email.Length: > 0 } ? resolved.Email : owner);
        if (checkDuplicate)
        {
            if (resolved is null)
            {
                Count(state.Unmatched, owner);
            }
            else if (resolved.IsSystem)
            {
                Count(state.SystemUsers, label);
            }
            else
            {
                state.Resolved++;
                if (resolved.IsInactive)
                {
                    Count(state.Inactive, label);
                }
            }
        }
        skip ??= resolved is null ? CrmSkipReason.UnknownOwner : resolved.IsSystem ? CrmSkipReason.SystemUser : date is null ? CrmSkipReason.NoDate : null;
        if (skip is { } reason)
        {
            onSkip(new CrmSkip(FileName, line, recordId, resolved is { Email.Length: > 0 } ? resolved.Email : owner, type, subject, date, reason));
            return;
        }
        // A call's exported duration counts as it is, even 0 seconds (nobody answered); other CRM records' zero says
        // nothing, and a record with no duration at all takes its type's standard minutes.
        // A time tracker's entry is its tracked time, whatever it is.
        var exact = type == CrmActivityType.Call || read.Exact || kind is CrmFileKind.ClockifyOrToggl or CrmFileKind.Harvest or CrmFileKind.Kimai;
        var counted = exact ? minutes : minutes is > 0 ? minutes : null;
        onRecord(new CrmRecord(FileName, line, recordId, resolved!.Email, resolved.Name, type, subject, date!.Value, counted, links)
        {
            Direction = read.Direction,
            Outcome = read.Outcome,
            Status = read.Status,
        });
    }

    /// <summary>
    /// An event longer than a day (a trade-show shift, an offsite) counts on each calendar day it covers — in the
    /// organisation's zone — the time it takes that day, at most a standard working day.
    /// </summary>
    private void EmitLong(RecordRead read, CrmMoment? start, CrmMoment? end)
    {
        var from = start is { } s ? Local(s) : read.Date?.ToDateTime(TimeOnly.MinValue);
        if (from is null || read.Minutes is not { } total)
        {
            EmitOne(read, checkDuplicate: true);
            return;
        }
        // A month-long "event" is a wrong unit, a typo in the end date or an export's placeholder, not work to spread
        // over days (and a far-future end would otherwise mean millions of days, or a date past the calendar's end).
        var span = end is { } e ? (decimal)(Local(e) - from.Value).TotalMinutes : total;
        if (total > CrmValues.MaxEventMinutes || span > CrmValues.MaxEventMinutes)
        {
            problems.Add(FileName, read.Line, "", string.Create(CultureInfo.InvariantCulture,
                $"An event of {Math.Max(total, span) / (24 * 60m):0.#} days is longer than {CrmValues.MaxEventMinutes / (24 * 60m):0} days; check its start, end and duration."));
            return;
        }
        var to = from.Value.AddMinutes((double)span);
        var cap = state.Options.StandardDayMinutes;
        var days = new List<(DateOnly Day, decimal Minutes)>();
        for (var day = from.Value.Date; day < to; day = day.AddDays(1))
        {
            var overlap = (decimal)((to < day.AddDays(1) ? to : day.AddDays(1)) - (from > day ? from.Value : day)).TotalMinutes;
            if (overlap > 0)
            {
                days.Add((DateOnly.FromDateTime(day), Math.Min(overlap, cap)));
            }
        }
        state.Note(FileName, read.Line, string.Create(CultureInfo.InvariantCulture,
            $"An event of {total / 60m:0.#} h over {days.Count} days counts at most {cap / 60m:0.#} h a day: {days.Sum(d => d.Minutes) / 60m:0.#} h in all."));
        var first = true;
        foreach (var (day, minutes) in days)
        {
            EmitOne(read with { Date = day, Minutes = minutes }, checkDuplicate: first);
            first = false;
        }
    }

    private DateTime Local(CrmMoment moment) => moment.Instant is { } at ? TimeZoneInfo.ConvertTime(at, zone).DateTime : moment.Written;

    private CrmMoment? Moment(string[] fields, CrmColumn column) =>
        CrmValues.TryMoment(column.Of(fields), dateOrder, out var moment) ? moment : null;

    private bool IsDamaged(int line, string recordId)
    {
        if (!CrmValues.IsExcelDamagedId(recordId))
        {
            return false;
        }
        ReportDamage(line, recordId);
        return true;
    }

    private void ReportDamage(int line, string recordId)
    {
        if (_damageReported)
        {
            return;
        }
        _damageReported = true;
        problems.Add(FileName, line, sheet.Column(HubSpotColumns.Id.Concat(["Id"]).ToArray()).Name,
            $"Record IDs such as '{Echo.Cut(recordId)}' were changed by Excel, which keeps only the first digits of long numbers, so records can no longer be told apart. Export the file again and upload it without opening it in Excel.");
    }

    private static void Count(Dictionary<string, int> owners, string owner) => owners[owner] = owners.GetValueOrDefault(owner) + 1;

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
            if (!CrmValues.TryMoment(text, dateOrder, out var moment))
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

    private bool TryMinutes(int line, string[] fields, CrmColumn column, DurationUnit plainUnit, out decimal? minutes)
    {
        var text = column.Of(fields);
        if (sheet.Separator == ';' && text.Count(c => c == ',') == 1 && !text.Contains('.', StringComparison.Ordinal))
        {
            text = text.Replace(',', '.');
        }
        if (!CrmValues.TryDuration(text, column.Unit, plainUnit, out minutes))
        {
            problems.Add(FileName, line, column.Name, $"'{Echo.Cut(text)}' is not a duration; it must be a number ≥ 0 or h:mm:ss.");
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
            if (!CrmValues.TryMoment(column.Of(fields), dateOrder, out _))
            {
                problems.Add(FileName, line, column.Name, $"'{Echo.Cut(column.Of(fields))}' is not a date and time. {CrmValues.DateHint}");
                return false;
            }
        }
        CrmValues.TryMoment(start.Of(fields), dateOrder, out var fromMoment);
        CrmValues.TryMoment(end.Of(fields), dateOrder, out var toMoment);
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

    /// <summary>One record as read, before its owner is resolved.</summary>
    private readonly record struct RecordRead(
        int Line, string RecordId, bool HasId, string Owner, CrmActivityType Type, string Subject, DateOnly? Date, decimal? Minutes, CrmLink Links, CrmSkipReason? Skip)
    {
        public string Direction { get; init; } = "";

        public string Outcome { get; init; } = "";

        public string Status { get; init; } = "";

        /// <summary>The file wrote a duration that counts as it is, 0 included (a mapped file's).</summary>
        public bool Exact { get; init; }
    }

    private static DateColumn Timestamp(CrmColumn column) => new(column, IsDate: false);

    /// <summary>A column that can date a record, and whether it holds dates or timestamps.</summary>
    private readonly record struct DateColumn(CrmColumn Column, bool IsDate);
}
