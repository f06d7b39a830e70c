using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;

namespace SalesSpec.Formats.Tests.CrmCsv;

/// <summary>One line of an activity export: its type, day, minutes and links, the reason it is skipped, or the problem in it.</summary>
public sealed class CrmLinesTests
{
    private const string Users = "Id,Email,Name\nu1,a@b.test,A B\n";

    private static (CrmExportReport Report, List<CrmRecord> Records, List<CrmSkip> Skips) Read(string name, string content)
    {
        var records = new List<CrmRecord>();
        var skips = new List<CrmSkip>();
        CrmFile[] files = [CrmFile.FromText(name, content), CrmFile.FromText("User.csv", Users)];
        var report = CrmExportReader.Read(files, new CrmExportOptions(), records.Add, skips.Add);
        return (report, records, skips);
    }

    private static string[] Problems(CrmExportReport report) => [.. report.Problems.Select(p => $"{p.File} {p.Line} {p.Column}: {p.Reason}")];

    [Fact]
    public void Salesforce_tasks_take_their_type_minutes_and_links_from_the_record()
    {
        var (report, records, _) = Read("Task.csv",
            "Id,OwnerId,WhoId,WhatId,Subject,Type,TaskSubtype,ActivityDate,CallDurationInSeconds,IsClosed\n" +
            "t1,u1,00Q1,,Call A,,Call,2026-11-18,90,true\n" +
            "t2,u1,0031,0061,Mail,,ListEmail,2026-11-18,,1\n" +
            "t3,u1,,0011,Mail,Email,,2026-11-18,,yes\n" +
            "t4,u1,,5001,Meet,Meeting,,2026-11-18,0,TRUE\n" +
            "t5,u1,,XX,Do it,Other,,2026-11-18,,true\n" +
            "t6,u1,00,,Ring,call,,2026-11-18,,true\n" +
            "t7,u1,,,Odd,,Other,2026-11-18,,true\n");

        report.Problems.ShouldBeEmpty();
        records.Select(r => (r.RecordId, r.Type, r.Minutes, r.Links, r.Date)).ShouldBe(
        [
            ("t1", CrmActivityType.Call, (decimal?)1.5m, CrmLink.Lead, new DateOnly(2026, 11, 18)),
            ("t2", CrmActivityType.Email, null, CrmLink.Contact | CrmLink.Opportunity, new DateOnly(2026, 11, 18)),
            ("t3", CrmActivityType.Email, null, CrmLink.Account, new DateOnly(2026, 11, 18)),
            ("t4", CrmActivityType.Meeting, null, CrmLink.Case, new DateOnly(2026, 11, 18)),
            ("t5", CrmActivityType.Task, null, CrmLink.None, new DateOnly(2026, 11, 18)),
            ("t6", CrmActivityType.Call, null, CrmLink.None, new DateOnly(2026, 11, 18)),
            ("t7", CrmActivityType.Task, null, CrmLink.None, new DateOnly(2026, 11, 18)),
        ]);
        records[0].ShouldBe(new CrmRecord("Task.csv", 2, "t1", "a@b.test", "A B", CrmActivityType.Call, "Call A", new DateOnly(2026, 11, 18), records[0].Minutes, CrmLink.Lead));
    }

    [Fact]
    public void Salesforce_records_that_bring_no_time_are_skipped_with_their_first_reason()
    {
        var (report, records, skips) = Read("Task.csv",
            "Id,OwnerId,Subject,ActivityDate,IsDeleted,IsClosed,IsRecurrence\n" +
            "t1,u1,Call,2026-11-18,true,false,true\n" +
            "t2,u1,Call,2026-11-18,false,false,true\n" +
            "t3,u1,Call,2026-11-18,0,no,\n" +
            "t4,u9,Call,2026-11-18,,true,\n" +
            "t5,u1,Call,,,true,\n" +
            "t6,u1,Call,2026-11-18,,true,\n");

        report.Problems.ShouldBeEmpty();
        skips.Select(s => (s.Line, s.Reason)).ShouldBe(
        [
            (2, CrmSkipReason.Deleted), (3, CrmSkipReason.RecurringSeries), (4, CrmSkipReason.OpenTask), (5, CrmSkipReason.UnknownOwner), (6, CrmSkipReason.NoDate),
        ]);
        skips[3].ShouldBe(new CrmSkip("Task.csv", 5, "t4", "u9", CrmActivityType.Task, "Call", new DateOnly(2026, 11, 18), CrmSkipReason.UnknownOwner));
        skips[4].Owner.ShouldBe("a@b.test");
        records.Single().Line.ShouldBe(7);
    }

    [Fact]
    public void Salesforce_events_take_their_minutes_or_their_span_and_all_day_events_are_skipped()
    {
        var (report, records, skips) = Read("Event.csv",
            "Id,OwnerId,Subject,ActivityDateTime,DurationInMinutes,StartDateTime,EndDateTime,IsAllDayEvent\n" +
            "e1,u1,Demo,2026-11-18T10:00:00Z,45,,,false\n" +
            "e2,u1,Demo,,,2026-11-18T10:00:00Z,2026-11-18T11:30:00Z,\n" +
            "e3,u1,Holiday,2026-11-18T00:00:00Z,4320,,,true\n" +
            "e4,u1,Demo,2026-11-18T10:00:00Z,1440,,,\n");

        report.Problems.ShouldBeEmpty();
        records.Select(r => (r.RecordId, r.Type, r.Minutes)).ShouldBe(
        [
            ("e1", CrmActivityType.Meeting, (decimal?)45m), ("e2", CrmActivityType.Meeting, 90m), ("e4", CrmActivityType.Meeting, 1440m),
        ]);
        skips.Single().Reason.ShouldBe(CrmSkipReason.AllDayEvent);
    }

    [Fact]
    public void Salesforce_values_that_cannot_be_read_are_problems_with_their_column()
    {
        var (report, records, _) = Read("Event.csv",
            "Id,OwnerId,Subject,ActivityDateTime,DurationInMinutes,StartDateTime,EndDateTime,IsAllDayEvent\n" +
            "e1,u1,Demo,2026-11-18T10:00:00Z,1441,,,\n" +
            "e2,u1,Demo,2026-11-18T10:00:00Z,-5,,,\n" +
            "e3,u1,Demo,2026-11-18T10:00:00Z,,,,maybe\n" +
            "e4,u1,Demo,,,2026-11-18T11:00:00Z,2026-11-18T10:00:00Z,\n" +
            "e5,u1,Demo,,,2026-11-18T10:00:00Z,2026-11-19T10:01:00Z,\n" +
            "e6,u1,Demo,2026/11/18,,,,\n" +
            "e7,u1,Demo,2026-11-18T10:00:00Z,,2026-11-18T10:00:00Z,soon,\n");

        Problems(report).ShouldBe(
        [
            "Event.csv 3 DurationInMinutes: '-5' is not a duration; it must be a number ≥ 0 or h:mm:ss.",
            "Event.csv 4 IsAllDayEvent: 'maybe' is not true or false.",
            "Event.csv 5 EndDateTime: The end is before the start.",
            "Event.csv 7 ActivityDateTime: '2026/11/18' is not a date. Use 2026-11-18, 2026-11-18 14:30, 2026-11-18T14:30:00Z, 18/11/2026 or Unix milliseconds.",
            "Event.csv 8 EndDateTime: 'soon' is not a date and time. Use 2026-11-18, 2026-11-18 14:30, 2026-11-18T14:30:00Z, 18/11/2026 or Unix milliseconds.",
        ]);
        // Events longer than a day are no problem: each day they cover counts at most a standard day (8 h by default).
        records.Select(r => (r.RecordId, r.Date.Day, r.Minutes)).ShouldBe([("e1", 18, (decimal?)480m), ("e1", 19, 480m), ("e5", 18, 480m), ("e5", 19, 480m)]);
        report.Notes.Select(n => n.Line).ShouldBe([2, 6]);
    }

    [Fact]
    public void A_call_of_more_than_a_day_is_a_problem()
    {
        // Exactly a day (86400 s) is still a day; one minute more is not. Seconds divide exactly: 90 s is 1.5 minutes.
        var (report, records, _) = Read("Task.csv", "Id,OwnerId,Subject,ActivityDate,CallDurationInSeconds\nt1,u1,Call,2026-11-18,86400\nt2,u1,Call,2026-11-18,86460\nt3,u1,Call,2026-11-18,90\n");

        Problems(report).ShouldBe(["Task.csv 3 CallDurationInSeconds: A call of 1441 minutes is more than a day; check the record."]);
        records.Select(r => r.Minutes).ShouldBe([1440m, 1.5m]);
    }

    [Fact]
    public void Files_without_the_columns_a_record_needs_say_which()
    {
        Problems(Read("Task.csv", "Id,OwnerId,ActivityDate\n").Report).ShouldBe(
            ["Task.csv 1 Subject: The file has no Subject column; without it the records cannot be read. Export the file with all fields."]);
        Problems(Read("Task.csv", "OwnerId,Type\n").Report).ShouldBe(
            ["Task.csv 1 Id: The file has no Id or Subject column; without it the records cannot be read. Export the file with all fields."]);
        Problems(Read("Task.csv", "Id,OwnerId,Subject\n").Report).ShouldBe(
            ["Task.csv 1 ActivityDate: The file has no date column (ActivityDate, CompletedDateTime, CreatedDate); export the file with all fields."]);
        Problems(Read("Event.csv", "Id,OwnerId,Subject,DurationInMinutes\n").Report).ShouldBe(
            ["Event.csv 1 ActivityDate: The file has no date column (ActivityDate, ActivityDateTime, StartDateTime); export the file with all fields."]);
        Problems(Read("meetings.csv", "Meeting name,Activity assigned to\n").Report).ShouldBe(
            ["meetings.csv 1 Activity date: The file has no date column (Activity date, Meeting start time); export the file with all fields."]);
        Problems(Read("tasks.csv", "Task Title,Activity date\n").Report).ShouldBe(
            ["tasks.csv 1 Activity assigned to: The file has no Activity assigned to column; without it the records cannot be read. Export the file with all fields."]);
    }

    [Theory]
    [InlineData("90000", 1.5)]
    [InlineData("0:01:30", 1.5)]
    [InlineData("1:00:00", 60.0)]
    [InlineData("02:30", 2.5)]
    [InlineData("", null)]
    [InlineData("0", 0.0)]
    [InlineData("0:00:00", 0.0)]
    public void HubSpot_call_durations_are_milliseconds_or_clock_times(string duration, double? minutes)
    {
        var (report, records, _) = Read("calls.csv", $"Call Title,Activity date,Activity assigned to,Call duration\nCold call,2026-11-18 14:30,a@b.test,{duration}\n");

        report.Problems.ShouldBeEmpty();
        records.Single().Minutes.ShouldBe((decimal?)minutes);
        records.Single().Type.ShouldBe(CrmActivityType.Call);
    }

    [Theory]
    [InlineData("1:60")]
    [InlineData("1:2:3:4")]
    [InlineData("1::30")]
    [InlineData("a:30")]
    [InlineData("1234567:00")]
    [InlineData("1 min")]
    [InlineData("-1")]
    public void Other_call_durations_are_problems(string duration)
    {
        var (report, records, _) = Read("calls.csv", $"Call Title,Activity date,Activity assigned to,Call duration\nCold call,2026-11-18,a@b.test,{duration}\n");

        Problems(report).ShouldBe([$"calls.csv 2 Call duration: '{duration}' is not a call duration; HubSpot writes h:mm:ss (0:01:30), or milliseconds (90000) under its API name."]);
        records.ShouldBeEmpty();
    }

    [Fact]
    public void A_HubSpot_call_of_more_than_a_day_is_a_problem()
    {
        var (report, _, _) = Read("calls.csv", "Call Title,Activity date,Activity assigned to,Call duration\nCold call,2026-11-18,a@b.test,24:00:01\n");

        Problems(report).ShouldBe(["calls.csv 2 Call duration: A call of 1440 minutes is more than a day; check the record."]);
    }

    [Fact]
    public void HubSpot_meetings_take_their_span_and_canceled_ones_are_skipped()
    {
        var (report, records, skips) = Read("meetings.csv",
            "Record ID,Meeting name,Activity assigned to,Meeting start time,Meeting end time,Meeting outcome,Associated Deal,Associated Contact\n" +
            "1,Demo,a@b.test,2026-11-18 10:00,2026-11-18 10:45,Completed,D1,\n" +
            "2,Demo,a@b.test,2026-11-18 10:00,2026-11-18 11:00,Canceled,,C1\n" +
            "3,Demo,a@b.test,2026-11-18 10:00,2026-11-18 11:00,cancelled,,\n" +
            "4,Demo,a@b.test,2026-11-18 10:00,2026-11-19 10:01,,,\n" +
            "5,Demo,a@b.test,2026-11-18 10:00,,,,\n");

        report.Problems.ShouldBeEmpty();
        records.Select(r => (r.RecordId, r.Type, r.Minutes, r.Links)).ShouldBe(
        [
            ("1", CrmActivityType.Meeting, (decimal?)45m, CrmLink.Opportunity),
            ("4", CrmActivityType.Meeting, 480m, CrmLink.None),
            ("4", CrmActivityType.Meeting, 480m, CrmLink.None),
            ("5", CrmActivityType.Meeting, null, CrmLink.None),
        ]);
        skips.Select(s => (s.RecordId, s.Reason)).ShouldBe([("2", CrmSkipReason.CanceledMeeting), ("3", CrmSkipReason.CanceledMeeting)]);
    }

    [Fact]
    public void HubSpot_tasks_take_their_type_and_open_ones_are_skipped()
    {
        var (report, records, skips) = Read("tasks.csv",
            "Task Title,Task Type,Task status,Due date,Activity assigned to,Associated Company,Associated Ticket,Associated Lead\n" +
            "A,CALL,Completed,2026-11-18,a@b.test,X,,\n" +
            "B,email,COMPLETED,2026-11-18,a@b.test,,T,\n" +
            "C,TODO,,2026-11-18,a@b.test,,,L\n" +
            "D,TODO,Not started,2026-11-18,a@b.test,,,\n" +
            "E,TODO,IN_PROGRESS,2026-11-18,a@b.test,,,\n");

        report.Problems.ShouldBeEmpty();
        records.Select(r => (r.Subject, r.Type, r.Links, r.RecordId)).ShouldBe(
        [
            ("A", CrmActivityType.Call, CrmLink.Account, "2"), ("B", CrmActivityType.Email, CrmLink.Case, "3"), ("C", CrmActivityType.Task, CrmLink.Lead, "4"),
        ]);
        skips.Select(s => (s.Subject, s.Reason)).ShouldBe([("D", CrmSkipReason.OpenTask), ("E", CrmSkipReason.OpenTask)]);
    }

    [Fact]
    public void HubSpot_records_without_an_id_are_never_duplicates_and_those_with_one_are_per_kind()
    {
        var (_, records, skips) = Read("emails.csv",
            "Email subject,Activity date,Activity assigned to\nHi,2026-11-18,a@b.test\nHi,2026-11-18,a@b.test\n");
        records.Select(r => (r.RecordId, r.Type)).ShouldBe([("2", CrmActivityType.Email), ("3", CrmActivityType.Email)]);
        skips.ShouldBeEmpty();

        var (_, withIds, duplicates) = Read("emails.csv",
            "Record ID,Email subject,Activity date,Activity assigned to\n7,Hi,2026-11-18,a@b.test\n7,Hi,2026-11-18,a@b.test\n,Hi,2026-11-18,a@b.test\n,Hi,2026-11-18,a@b.test\n");
        withIds.Select(r => r.Line).ShouldBe([2, 4, 5]);
        duplicates.Single().Reason.ShouldBe(CrmSkipReason.Duplicate);
    }

    [Theory]
    [InlineData("2026-11-18", "2026-11-18")]
    [InlineData("2026-11-18 9:05", "2026-11-18")]
    [InlineData("2026-11-18 23:59:59", "2026-11-18")]
    [InlineData("2026-11-18T23:30:00", "2026-11-18")]
    [InlineData("2026-11-18T23:30:00-05:00", "2026-11-19")]
    [InlineData("1763424000000", "2025-11-18")]
    [InlineData("946684800000", "2000-01-01")]
    public void HubSpot_dates_are_read_in_each_form(string date, string day)
    {
        var (report, records, _) = Read("emails.csv", $"Email subject,Activity date,Activity assigned to\nHi,{date},a@b.test\n");

        report.Problems.ShouldBeEmpty();
        records.Single().Date.ShouldBe(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("946684799999")]
    [InlineData("253402300800000")]
    [InlineData("31/31/2026")]
    [InlineData("2026/11/18")]
    [InlineData("2026-11-18 14h30")]
    [InlineData("2026-11-18T25:00:00Z")]
    [InlineData("2026-1")]
    [InlineData("x026-11-18")]
    public void Other_dates_are_problems(string date)
    {
        var (report, _, _) = Read("emails.csv", $"Email subject,Activity date,Activity assigned to\nHi,{date},a@b.test\n");

        Problems(report).ShouldBe([$"emails.csv 2 Activity date: '{date}' is not a date. Use 2026-11-18, 2026-11-18 14:30, 2026-11-18T14:30:00Z, 18/11/2026 or Unix milliseconds."]);
    }
}
