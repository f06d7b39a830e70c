using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;

namespace SalesSpec.Formats.Tests;

/// <summary>Salesforce and HubSpot exports in their real column layouts → the weekly hours per rep and activity the default rules give.</summary>
public sealed class CrmExportReaderTests
{
    private static string Fixture(params string[] path) => Path.Combine([AppContext.BaseDirectory, "fixtures", "crm", .. path]);

    private static CrmFile FileOf(params string[] path) => new(path[^1], () => File.OpenRead(Fixture(path)));

    private static CrmFile Text(string name, string content) => CrmFile.FromText(name, content);

    private static (CrmExportReport Report, CrmWorkload Workload) Derive(IReadOnlyList<CrmFile> files, IReadOnlyDictionary<string, string>? repsByName = null)
    {
        var workload = new CrmWorkload(CrmRuleSet.DefaultRules, CrmRuleSet.DefaultStandardMinutes);
        var report = CrmExportReader.Read(
            files,
            new CrmExportOptions { RepsByName = repsByName ?? new Dictionary<string, string>() },
            record => workload.Add(record),
            workload.Skip);
        return (report, workload);
    }

    private static Dictionary<(string, string, string), decimal> Hours(CrmWorkload workload) =>
        workload.WeeklyHours().ToDictionary(h => (h.Email, h.Week.ToString(), h.Activity), h => h.Hours);

    [Fact]
    public void Salesforce_export_gives_the_expected_weekly_hours_per_rep_and_activity()
    {
        var (report, workload) = Derive([FileOf("salesforce", "Task.csv"), FileOf("salesforce", "Event.csv"), FileOf("salesforce", "User.csv")]);

        report.Problems.ShouldBeEmpty();
        report.Files.Select(f => (f.Name, f.Kind, f.Lines)).ShouldBe(
        [
            ("Task.csv", CrmFileKind.SalesforceTasks, 15),
            ("Event.csv", CrmFileKind.SalesforceEvents, 7),
            ("User.csv", CrmFileKind.Users, 3),
        ]);
        const string olivia = "olivia.patel@northwind.test";
        const string quinn = "quinn.harper@northwind.test";
        Hours(workload).ShouldBe(new Dictionary<(string, string, string), decimal>
        {
            // Calls: their own seconds, a 0-second call (no answer) 0 minutes; only a call without a duration takes the standard 10.
            [(olivia, "2026-W47", "Qualify inbound leads")] = 0.25m,        // 15 + 0 min, attached to leads
            [(olivia, "2026-W47", "Respond to web inquiries")] = 0.0833m,   // 5 min email, "web inquiry"
            [(olivia, "2026-W47", "Proposals and negotiation")] = 0.0833m,  // 5 min email, "proposal"
            [(olivia, "2026-W47", "Cold calls")] = 0.1667m,                 // 600 s
            [(olivia, "2026-W47", "Outbound email sequences")] = 0.0833m,   // a list email, "introduction"
            [(olivia, "2026-W47", "Renewals")] = 0.25m,                     // a 15 min task dated by its completion
            [(olivia, "2026-W47", "Demos")] = 1m,
            [(olivia, "2026-W47", "Discovery calls")] = 0.75m,
            [(olivia, "2026-W47", "Internal meetings")] = 0.5m,
            [(quinn, "2026-W46", "Account reviews")] = 0.3333m,             // 1200 s, "business review"
            [(quinn, "2026-W46", "Support escalations")] = 0.25m,           // attached to a case
            [(quinn, "2026-W46", "Onboarding")] = 2m,
            [(quinn, "2026-W47", "Account reviews")] = 1m,                  // "QBR"
        }, ignoreOrder: true);
        workload.Matched.ShouldBe(14);
        workload.Skipped.ShouldBe(new Dictionary<CrmSkipReason, int>
        {
            [CrmSkipReason.NoRuleMatched] = 2,
            [CrmSkipReason.OpenTask] = 1,
            [CrmSkipReason.Deleted] = 1,
            [CrmSkipReason.NoDate] = 1,
            [CrmSkipReason.AllDayEvent] = 1,
            [CrmSkipReason.UnknownOwner] = 1,
            [CrmSkipReason.SystemUser] = 1,                               // "Integration User" is never a rep
        }, ignoreOrder: true);
        report.SystemUsers.ShouldBe([new CrmOwnerCount("Integration User", 1)]);
        workload.Owners.ShouldBe(new Dictionary<string, string?> { [olivia] = "Olivia Patel", [quinn] = "Quinn Harper" }, ignoreOrder: true);
        workload.SkipSamples.Single(s => s.Reason == CrmSkipReason.NoRuleMatched && s.RecordId == "00U5e00000E0005AAA")
            .ShouldSatisfyAllConditions(s => s.Subject.ShouldBe("Lunch with prospect"), s => s.File.ShouldBe("Event.csv"));
    }

    [Fact]
    public void File_order_does_not_matter_and_users_resolve_15_character_ids()
    {
        var (first, a) = Derive([FileOf("salesforce", "User.csv"), FileOf("salesforce", "Event.csv"), FileOf("salesforce", "Task.csv")]);
        var (_, b) = Derive([FileOf("salesforce", "Task.csv"), FileOf("salesforce", "Event.csv"), FileOf("salesforce", "User.csv")]);

        first.Problems.ShouldBeEmpty();
        a.WeeklyHours().ShouldBe(b.WeeklyHours());
        // Task 00T…0002 names its owner by the 15-character id.
        a.WeeklyHours().Single(h => h.Activity == "Qualify inbound leads").Records.ShouldBe(2);
    }

    [Fact]
    public void HubSpot_exports_give_the_expected_weekly_hours_per_rep_and_activity()
    {
        var reps = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Kara Lopez"] = "kara.lopez@northwind.test" };
        var (report, workload) = Derive(
            [FileOf("hubspot", "calls.csv"), FileOf("hubspot", "meetings.csv"), FileOf("hubspot", "emails.csv"), FileOf("hubspot", "tasks.csv")], reps);

        report.Problems.ShouldBeEmpty();
        report.Files.Select(f => f.Kind).ShouldBe([CrmFileKind.HubSpotCalls, CrmFileKind.HubSpotMeetings, CrmFileKind.HubSpotEmails, CrmFileKind.HubSpotTasks]);
        const string kara = "kara.lopez@northwind.test";
        const string ravi = "ravi.shah@northwind.test";
        Hours(workload).ShouldBe(new Dictionary<(string, string, string), decimal>
        {
            [(kara, "2026-W47", "Respond to web inquiries")] = 0.2m,        // 00:12:00, "inbound"
            [(kara, "2026-W47", "Discovery calls")] = 0.0833m,              // 300000 ms, on a deal
            [(kara, "2026-W47", "Cold calls")] = 0.1667m,                   // no duration: 10 min
            [(kara, "2026-W47", "Demos")] = 1m,                             // start to end
            [(kara, "2026-W47", "Proposals and negotiation")] = 0.0833m,    // "pricing"
            [(ravi, "2026-W47", "Internal meetings")] = 0.75m,
            [(ravi, "2026-W47", "Renewals")] = 0.25m,                       // a completed to-do, dated by its due date
        }, ignoreOrder: true);
        workload.Skipped.ShouldBe(new Dictionary<CrmSkipReason, int>
        {
            [CrmSkipReason.UnknownOwner] = 1,
            [CrmSkipReason.CanceledMeeting] = 1,
            [CrmSkipReason.NoRuleMatched] = 1,
            [CrmSkipReason.OpenTask] = 1,
        }, ignoreOrder: true);
        workload.Owners[ravi].ShouldBe("Ravi Shah");
    }

    [Fact]
    public void HubSpot_internal_property_names_and_milliseconds_are_read_too()
    {
        var calls = Text("calls.csv", """
            hs_object_id,hs_call_title,hs_timestamp,hubspot_owner_id,hs_call_duration,Associated Deal IDs
            9001,Pricing call,1763460000000,77,1800000,123
            """);
        var owners = Text("owners.csv", """
            Owner ID,First Name,Last Name,Email
            77,Kara,Lopez,KARA.LOPEZ@northwind.test
            """);
        var (report, workload) = Derive([calls, owners]);

        report.Problems.ShouldBeEmpty();
        var hours = workload.WeeklyHours().ShouldHaveSingleItem();
        hours.ShouldBe(new CrmWeekHours("kara.lopez@northwind.test", Domain.Common.IsoWeek.Parse("2025-W47"), "Proposals and negotiation", 0.5m, 1));
        workload.Owners["kara.lopez@northwind.test"].ShouldBe("Kara Lopez");
    }

    public static TheoryData<string, string, string, int, string, string> BadFiles => new()
    {
        { "Task.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDate\"\n\"1\",\"u1\",\"Call\",\"2026/11/18\"\n", "User.csv", 2, "ActivityDate", "'2026/11/18' is not a date" },
        { "Task.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDate\",\"CallDurationInSeconds\"\n\"1\",\"u1\",\"Call\",\"2026-11-18\",\"-5\"\n", "User.csv", 2, "CallDurationInSeconds", "not a duration" },
        { "Task.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDate\",\"IsDeleted\"\n\"1\",\"u1\",\"Call\",\"2026-11-18\",\"maybe\"\n", "User.csv", 2, "IsDeleted", "is not true or false" },
        { "Task.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDate\"\n\"1\",\"u1\",\"Call\"\n", "User.csv", 2, "", "The line has 3 values; the header has 4." },
        { "Task.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDate\"\n\"1\",\"u1\",\"Ca\"ll\",\"2026-11-18\"\n", "User.csv", 2, "", "quoting is broken" },
        { "Task.csv", "\"Id\",\"OwnerId\",\"ActivityDate\"\n\"1\",\"u1\",\"2026-11-18\"\n", "User.csv", 1, "Subject", "has no Subject column" },
        { "Task.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDate\",\"CallDurationInSeconds\"\n\"1\",\"u1\",\"Call\",\"2026-11-18\",\"90000\"\n", "User.csv", 2, "CallDurationInSeconds", "more than a day" },
        { "Event.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDateTime\",\"StartDateTime\",\"EndDateTime\"\n\"1\",\"u1\",\"Meet\",\"2026-11-18T09:00:00Z\",\"2026-11-18T09:00:00Z\",\"2026-11-18T08:00:00Z\"\n", "User.csv", 2, "EndDateTime", "end is before the start" },
        { "Event.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDateTime\",\"DurationInMinutes\"\n\"1\",\"u1\",\"Expo\",\"2026-11-18T09:00:00Z\",\"99999999999999999999\"\n", "User.csv", 2, "", "longer than 31 days" },
        { "Event.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDateTime\",\"DurationInMinutes\",\"StartDateTime\",\"EndDateTime\"\n\"1\",\"u1\",\"Expo\",\"2026-11-18T09:00:00Z\",\"2880\",\"2026-11-18T09:00:00Z\",\"9999-12-31T23:00:00Z\"\n", "User.csv", 2, "", "longer than 31 days" },
        { "calls.csv", "Call Title,Activity date,Activity assigned to,Call duration\nCall,2026-11-18,a@b.test,12 minutes\n", "", 2, "Call duration", "not a call duration" },
        { "calls.csv", "Call Title,Activity date,Activity assigned to,Call duration\nCall,2026-11-18,a@b.test,0:75:00\n", "", 2, "Call duration", "not a call duration" },
        { "meetings.csv", "Meeting name,Activity assigned to\nDemo,a@b.test\n", "", 1, "Activity date", "no date column" },
        { "notes.csv", "Note body,Created\nHello,2026-11-18\n", "", 1, "", "cannot tell what this file is" },
        { "Task.csv", "", "", 1, "", "The file is empty" },
        { "Task.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDate\"\n\"1\",\"u1\",\"Call\",\"2026-11-18\"\n", "", 1, "OwnerId", "add User.csv" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_is_reported_with_its_file_line_and_column(string name, string content, string usersName, int line, string column, string reason)
    {
        List<CrmFile> files = [Text(name, content)];
        if (usersName.Length > 0)
        {
            files.Add(Text(usersName, "\"Id\",\"Email\",\"Name\"\n\"u1\",\"a@b.test\",\"A B\"\n"));
        }
        var (report, _) = Derive(files);

        report.IsValid.ShouldBeFalse();
        report.Problems.ShouldContain(p => p.File == name && p.Line == line && p.Column == column && p.Reason.Contains(reason, StringComparison.Ordinal),
            string.Join("\n", report.Problems));
    }

    [Fact]
    public void An_event_counts_on_its_own_calendar_day_not_its_UTC_one()
    {
        // A Monday 9:00 meeting in Sydney is Sunday 22:00 UTC.
        var events = Text("Event.csv", "\"Id\",\"OwnerId\",\"WhatId\",\"Subject\",\"ActivityDateTime\",\"ActivityDate\",\"DurationInMinutes\"\n\"00U1\",\"u1\",\"0065e00000P0001AAA\",\"Demo\",\"2026-11-15T22:00:00.000Z\",\"2026-11-16\",\"60\"\n");
        var (report, workload) = Derive([events, Text("User.csv", "\"Id\",\"Email\",\"Name\"\n\"u1\",\"a@b.test\",\"A B\"\n")]);

        report.Problems.ShouldBeEmpty();
        workload.WeeklyHours().ShouldHaveSingleItem().Week.ToString().ShouldBe("2026-W47");
    }

    [Fact]
    public void The_same_record_twice_counts_once_and_series_records_not_at_all()
    {
        const string header = "\"Id\",\"OwnerId\",\"WhatId\",\"Subject\",\"ActivityDate\",\"DurationInMinutes\",\"IsRecurrence\"\n";
        const string lines = "\"00U1\",\"u1\",\"0065e00000P0001AAA\",\"Demo\",\"2026-11-16\",\"60\",\"false\"\n\"00U2\",\"u1\",\"0065e00000P0001AAA\",\"Weekly demo\",\"2026-11-16\",\"60\",\"true\"\n";
        var users = Text("User.csv", "\"Id\",\"Email\",\"Name\"\n\"u1\",\"a@b.test\",\"A B\"\n");

        var (report, workload) = Derive([Text("Event.csv", header + lines), Text("Event (1).csv", header + lines), users]);

        report.Problems.ShouldBeEmpty();
        workload.WeeklyHours().ShouldHaveSingleItem().Hours.ShouldBe(1m);
        // The series record of the second file is reported as a series record, its first reason.
        workload.Skipped.ShouldBe(new Dictionary<CrmSkipReason, int> { [CrmSkipReason.Duplicate] = 1, [CrmSkipReason.RecurringSeries] = 2 }, ignoreOrder: true);
    }

    [Fact]
    public void Salesforce_no_date_placeholder_and_dates_outside_the_years_kept_are_problems()
    {
        var tasks = Text("Task.csv", "\"Id\",\"OwnerId\",\"Subject\",\"ActivityDate\"\n\"1\",\"u1\",\"Call\",\"4000-12-31\"\n");
        var calls = Text("calls.csv", "Call Title,Activity date,Activity assigned to\nCall,1000000000,a@b.test\nCall,99999999999999,a@b.test\n");

        var (report, _) = Derive([tasks, calls, Text("User.csv", "\"Id\",\"Email\"\n\"u1\",\"a@b.test\"\n")]);

        report.Problems.Select(p => (p.File, p.Line, p.Reason)).ShouldBe(
        [
            ("Task.csv", 2, "'4000-12-31' is outside the years 1900–2999; leave such records out of the export."),
            ("calls.csv", 2, "'1000000000' is not a date. Use 2026-11-18, 2026-11-18 14:30, 2026-11-18T14:30:00Z, 18/11/2026 or Unix milliseconds."),
            ("calls.csv", 3, "'99999999999999' is outside the years 1900–2999; leave such records out of the export."),
        ], string.Join("\n", report.Problems));
    }

    [Fact]
    public void An_owner_name_two_users_share_matches_neither()
    {
        var owners = Text("owners.csv", "Owner ID,Email,First Name,Last Name\n1,sam.one@x.test,Sam,Lee\n2,sam.two@x.test,Sam,Lee\n3,kim@x.test,Kim,Park\n");
        var calls = Text("calls.csv", "Call Title,Activity date,Activity assigned to\nPricing,2026-11-18,Sam Lee\nPricing,2026-11-18,Kim Park\nPricing,2026-11-18,2\n");

        var (report, workload) = Derive([calls, owners]);

        report.Problems.ShouldBeEmpty();
        workload.Owners.Keys.Order().ShouldBe(["kim@x.test", "sam.two@x.test"]);
        workload.Skipped[CrmSkipReason.UnknownOwner].ShouldBe(1);
    }

    [Fact]
    public void Users_alone_are_not_an_import()
    {
        var (report, _) = Derive([FileOf("salesforce", "User.csv")]);

        report.Problems.ShouldHaveSingleItem().Reason.ShouldContain("add the activity files");
    }

    [Fact]
    public void No_files_is_a_problem()
    {
        var (report, _) = Derive([]);

        report.Problems.ShouldHaveSingleItem().Reason.ShouldBe("Choose at least one export file.");
    }
}
