using SalesSpec.Domain.Crm;
using SalesSpec.Formats.Csv;
using SalesSpec.Formats.CrmCsv;

namespace SalesSpec.Formats.Tests.CrmCsv;

/// <summary>How export files are recognised by their header, the problems of whole files, and who owns the activities.</summary>
public sealed class CrmFilesTests
{
    private const string Users = "\"Id\",\"Email\",\"Name\"\n\"005000000000001AAA\",\"a@b.test\",\"A B\"\n";

    private static CrmFile Text(string name, string content) => CrmFile.FromText(name, content);

    private static (CrmExportReport Report, CrmWorkload Workload) Derive(IReadOnlyList<CrmFile> files, CrmExportOptions? options = null)
    {
        var workload = new CrmWorkload(CrmRuleSet.DefaultRules, CrmRuleSet.DefaultStandardMinutes);
        var report = CrmExportReader.Read(files, options ?? new CrmExportOptions(), record => workload.Add(record), workload.Skip);
        return (report, workload);
    }

    [Theory]
    [InlineData("Id,OwnerId,Subject,ActivityDate", CrmFileKind.SalesforceTasks)]
    [InlineData(" ownerid ,Subject", CrmFileKind.SalesforceTasks)]
    [InlineData("Id,OwnerId,ActivityDateTime", CrmFileKind.SalesforceEvents)]
    [InlineData("Id,OwnerId,DurationInMinutes", CrmFileKind.SalesforceEvents)]
    [InlineData("Id,OwnerId,IsAllDayEvent", CrmFileKind.SalesforceEvents)]
    [InlineData("Id,OwnerId,StartDateTime", CrmFileKind.SalesforceEvents)]
    [InlineData("Call Title,Activity date", CrmFileKind.HubSpotCalls)]
    [InlineData("hs_call_duration", CrmFileKind.HubSpotCalls)]
    [InlineData("Meeting name,Activity date", CrmFileKind.HubSpotMeetings)]
    [InlineData("Start Time", CrmFileKind.HubSpotMeetings)]
    [InlineData("Email subject", CrmFileKind.HubSpotEmails)]
    [InlineData("hs_task_subject", CrmFileKind.HubSpotTasks)]
    [InlineData("Task Type", CrmFileKind.HubSpotTasks)]
    [InlineData("\uFEFFId,Email,Name", CrmFileKind.Users)]
    [InlineData("Owner ID,Email,First Name", CrmFileKind.Users)]
    [InlineData("hubspot_owner_id,email", CrmFileKind.Users)]
    [InlineData("Email,Name", CrmFileKind.Unknown)]
    [InlineData("Id,Name", CrmFileKind.Unknown)]
    [InlineData("Note body,Created", CrmFileKind.Unknown)]
    public void A_file_is_recognised_by_its_header(string header, CrmFileKind kind)
    {
        CrmExportReader.Recognise(header.Split(',')).ShouldBe(kind);
    }

    [Fact]
    public void Whole_file_problems_name_the_file_at_line_one()
    {
        var (report, _) = Derive(
        [
            Text("empty.csv", ""),
            Text("notes.csv", "Note body,Created\nHello,2026-11-18\n"),
        ]);

        report.Problems.ShouldBe(
        [
            new CrmProblem("empty.csv", 1, "", "The file is empty; an export has a header row and one line per record."),
            new CrmProblem("notes.csv", 1, "",
                "SalesSpec cannot tell what this file is: it expects Salesforce Task.csv, Event.csv and User.csv (with API field names such as OwnerId), a Salesforce activities report, HubSpot calls, meetings, emails or tasks exports, or a Clockify, Toggl Track, Harvest or Kimai detailed report. Map its columns (owner, date, duration, subject, type, status) in the preview, or name a saved layout (layout=); docs/import.md lists the columns."),
        ]);
        report.ProblemCount.ShouldBe(2);
        report.IsValid.ShouldBeFalse();
        report.Files.Select(f => (f.Name, f.Kind, f.Lines, string.Join("|", f.Columns))).ShouldBe(
        [
            ("empty.csv", CrmFileKind.Unknown, 0, ""),
            ("notes.csv", CrmFileKind.Unknown, 0, "Note body|Created"),
        ]);
    }

    [Fact]
    public void Salesforce_activities_need_the_users_file_and_users_need_activities()
    {
        var (tasks, _) = Derive([Text("Task.csv", "Id,OwnerId,Subject,ActivityDate\n1,u1,Call,2026-11-18\n"), Text("Event.csv", "Id,OwnerId,Subject,ActivityDateTime\n")]);
        tasks.Problems.ShouldBe([new CrmProblem("Task.csv", 1, "OwnerId",
            "Salesforce names activity owners by user id: add User.csv from the same export, so that each owner becomes a rep's email.")]);

        var (users, _) = Derive([Text("owners.csv", Users), Text("User.csv", Users)]);
        users.Problems.ShouldBe([new CrmProblem("owners.csv", 1, "",
            "This is a list of users only; add the activity files too (Task.csv and Event.csv, or HubSpot's calls, meetings, emails or tasks).")]);
        users.Files.Select(f => (f.Kind, f.Lines)).ShouldBe([(CrmFileKind.Users, 1), (CrmFileKind.Users, 1)]);
    }

    [Fact]
    public void HubSpot_files_need_no_users_file()
    {
        var (report, workload) = Derive([Text("calls.csv", "Call Title,Activity date,Activity assigned to\nCold call,2026-11-18,a@b.test\n")]);

        report.Problems.ShouldBeEmpty();
        report.IsValid.ShouldBeTrue();
        report.Files.ShouldBe([new CrmFileSummary("calls.csv", CrmFileKind.HubSpotCalls, 1)]);
        workload.WeeklyHours().ShouldHaveSingleItem().Email.ShouldBe("a@b.test");
    }

    [Fact]
    public void Broken_lines_are_reported_with_their_file_and_line_and_the_rest_is_read()
    {
        var (report, workload) = Derive([Text("calls.csv",
            "Call Title,Activity date,Activity assigned to\n" +
            "Cold call,2026-11-18\n" +
            "Cold \"call,2026-11-18,a@b.test\n" +
            "Cold call,2026-11-18,a@b.test\n")]);

        report.Problems.ShouldBe(
        [
            new CrmProblem("calls.csv", 2, "", "The line has 2 values; the header has 3."),
            new CrmProblem("calls.csv", 3, "", StrictCsv.BrokenQuoting),
        ]);
        report.Files.Single().Lines.ShouldBe(3);
        workload.WeeklyHours().ShouldHaveSingleItem().Records.ShouldBe(1);
    }

    [Fact]
    public void Only_the_first_problems_are_kept_but_all_are_counted()
    {
        var (report, _) = Derive([Text("calls.csv", "Call Title,Activity date,Activity assigned to\nA\nB\nC\n")], new CrmExportOptions { MaxProblems = 2 });

        report.Problems.Select(p => p.Line).ShouldBe([2, 3]);
        report.ProblemCount.ShouldBe(3);
        report.IsValid.ShouldBeFalse();
    }

    [Fact]
    public void The_options_default_to_utc_a_thousand_problems_and_no_reps()
    {
        var options = new CrmExportOptions();

        options.TimeZone.ShouldBe(TimeZoneInfo.Utc);
        options.MaxProblems.ShouldBe(1000);
        options.RepsByName.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Jane Doe <Jane@X.test>", "jane@x.test", "Jane Doe")]
    [InlineData("Jane Doe (jane@x.test)", "jane@x.test", "Jane Doe")]
    [InlineData("jane@x.test", "jane@x.test", null)]
    [InlineData("005000000000001AAA", "a@b.test", "A B")]
    [InlineData("005000000000001", "a@b.test", "A B")]
    [InlineData("a b", "a@b.test", "A B")]
    [InlineData("Kara Lopez", "kara@x.test", "Kara Lopez")]
    public void An_owner_is_found_by_email_user_id_user_name_or_rep_name(string owner, string email, string? name)
    {
        var reps = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Kara Lopez"] = "kara@x.test" };
        var calls = Text("calls.csv", $"Call Title,Activity date,Activity assigned to\nCold call,2026-11-18,\"{owner}\"\n");

        var (report, workload) = Derive([calls, Text("User.csv", Users)], new CrmExportOptions { RepsByName = reps });

        report.Problems.ShouldBeEmpty();
        workload.WeeklyHours().ShouldHaveSingleItem().Email.ShouldBe(email);
        workload.Owners.GetValueOrDefault(email).ShouldBe(name);
    }

    [Theory]
    [InlineData("Nobody")]
    [InlineData("005000000000002AAA")]
    [InlineData("00500000000000")]
    public void An_owner_nobody_matches_is_skipped(string owner)
    {
        var calls = Text("calls.csv", $"Call Title,Activity date,Activity assigned to\nCold call,2026-11-18,{owner}\n");

        var (report, workload) = Derive([calls, Text("User.csv", Users)]);

        report.Problems.ShouldBeEmpty();
        workload.WeeklyHours().ShouldBeEmpty();
        workload.Skipped[CrmSkipReason.UnknownOwner].ShouldBe(1);
    }

    [Fact]
    public void Users_are_named_by_their_first_and_last_names_and_users_without_an_address_are_left_out()
    {
        var owners = Text("owners.csv", "Owner ID,Email,First Name,Last Name\n1,sam@x.test,Sam,Lee\n2,,No,Mail\n,nobody@x.test,No,Id\n3,kim@x.test,,\n");
        var calls = Text("calls.csv", "Call Title,Activity date,Activity assigned to\nCold call,2026-11-18,1\nCold call,2026-11-18,2\nCold call,2026-11-18,No Id\nCold call,2026-11-18,3\n");

        var (report, workload) = Derive([calls, owners]);

        report.Problems.ShouldBeEmpty();
        workload.Owners.ShouldBe(new Dictionary<string, string?> { ["sam@x.test"] = "Sam Lee", ["kim@x.test"] = null }, ignoreOrder: true);
        workload.Skipped[CrmSkipReason.UnknownOwner].ShouldBe(2);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var options = new CrmExportOptions();
        Should.Throw<ArgumentNullException>(() => CrmExportReader.Read(null!, options, _ => { }, _ => { }));
        Should.Throw<ArgumentNullException>(() => CrmExportReader.Read([], null!, _ => { }, _ => { }));
        Should.Throw<ArgumentNullException>(() => CrmExportReader.Read([], options, null!, _ => { }));
        Should.Throw<ArgumentNullException>(() => CrmExportReader.Read([], options, _ => { }, null!));
        Should.Throw<ArgumentNullException>(() => CrmExportReader.Recognise(null!));
    }
}
