using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;

namespace SalesSpec.Formats.Tests.CrmCsv;

/// <summary>Exports as clients send them: units in headers, XLSX, Latin-1, Excel's damage, d/m/y dates, reports, system users.</summary>
public sealed class CrmRealExportsTests
{
    private static (CrmExportReport Report, List<CrmRecord> Records, List<CrmSkip> Skips) Read(CrmExportOptions? options, params CrmFile[] files)
    {
        var records = new List<CrmRecord>();
        var skips = new List<CrmSkip>();
        var report = CrmExportReader.Read(files, options ?? new CrmExportOptions(), records.Add, skips.Add);
        return (report, records, skips);
    }

    private static string[] Problems(CrmExportReport report) => report.Problems.Select(p => $"{p.File} {p.Line} {p.Column}: {p.Reason}").ToArray();

    [Theory]
    [InlineData("Call duration (HH:mm:ss)", "0:30:00", 30.0)]
    [InlineData("call_duration (ms)", "90000", 1.5)]
    [InlineData("CALL DURATION (seconds)", "90", 1.5)]
    [InlineData("Call Duration (minutes)", "2.5", 2.5)]
    [InlineData("Call duration", "0:01:30", 1.5)]
    [InlineData("Call duration", "90000", 1.5)]
    public void A_duration_is_read_in_the_unit_its_header_names(string header, string value, double minutes)
    {
        var (report, records, _) = Read(null, CrmFile.FromText("calls.csv", $"Record ID,Activity Assigned To,activity_date,{header},Call title\n1,a@b.test,2026-11-16 09:00,{value},Cold call\n"));

        report.Problems.ShouldBeEmpty();
        records.Single().Minutes.ShouldBe((decimal)minutes);
    }

    [Fact]
    public void An_xlsx_export_is_read_from_its_first_sheet_with_excel_dates_and_times()
    {
        var bytes = Workbook(
            ["Record ID", "Activity assigned to", "Activity date", "Call duration (HH:mm:ss)", "Call Title"],
            [116574000101d, "Zoë Brandt (zoe@b.test)", new DateTime(2026, 11, 16, 9, 30, 0), TimeSpan.FromSeconds(90), "Cold call"],
            [116574000102d, "zoe@b.test", new DateTime(2026, 11, 23, 0, 0, 0), TimeSpan.FromHours(1.25), "Cold call"]);

        var (report, records, _) = Read(null, new CrmFile("calls.xlsx", () => new MemoryStream(bytes)));

        report.Problems.ShouldBeEmpty();
        report.Files.Single().Kind.ShouldBe(CrmFileKind.HubSpotCalls);
        records.Select(r => (r.RecordId, r.OwnerEmail, r.Date, r.Minutes)).ShouldBe(
        [
            ("116574000101", "zoe@b.test", new DateOnly(2026, 11, 16), (decimal?)1.5m),
            ("116574000102", "zoe@b.test", new DateOnly(2026, 11, 23), 75m),
        ]);
    }

    [Fact]
    public void A_latin_1_file_keeps_its_names_and_says_how_it_was_read()
    {
        var latin1 = Encoding.Latin1.GetBytes("Id,Email,Name\n0055e000001AbCdAAK,bjorn@b.test,Björn Nyström\n");
        var tasks = CrmFile.FromText("Task.csv", "Id,OwnerId,Subject,ActivityDate,CallDurationInSeconds,TaskSubtype\nt1,0055e000001AbCdAAK,Cold call,2026-11-16,600,Call\n");

        var (report, records, _) = Read(null, tasks, new CrmFile("User.csv", () => new MemoryStream(latin1)));

        report.Problems.ShouldBeEmpty();
        records.Single().OwnerName.ShouldBe("Björn Nyström");
        report.Files.Single(f => f.Name == "User.csv").Note.ShouldNotBeNull().ShouldStartWith("Not UTF-8");
        report.Files.Single(f => f.Name == "Task.csv").Note.ShouldBeNull();
    }

    [Theory]
    [InlineData("1.16574E+11", "1.16574E+11", 2)]
    [InlineData("116574000000", "116574000000", 3)]
    public void Ids_excel_damaged_refuse_the_file_with_one_problem(string first, string second, int line)
    {
        var (report, _, skips) = Read(null, CrmFile.FromText("calls.csv",
            $"Record ID,Activity assigned to,Activity date,Call duration (HH:mm:ss),Call Title\n{first},a@b.test,2026-11-16 09:00,0:10:00,Call\n{second},a@b.test,2026-11-16 10:00,0:10:00,Call\n{second},a@b.test,2026-11-16 11:00,0:10:00,Call\n"));

        Problems(report).ShouldBe([$"calls.csv {line} Record ID: Record IDs such as '{first}' were changed by Excel, which keeps only the first digits of long numbers, so records can no longer be told apart. Export the file again and upload it without opening it in Excel."]);
        report.ProblemCount.ShouldBe(1);
        if (line == 2)
        {
            // Scientific ids are never used to drop records as duplicates.
            skips.ShouldNotContain(s => s.Reason == CrmSkipReason.Duplicate);
        }
    }

    [Fact]
    public void Slash_dates_follow_the_order_the_file_shows_or_the_one_chosen()
    {
        const string header = "Record ID,Activity assigned to,Activity date,Email subject\n";
        var dayFirst = CrmFile.FromText("emails.csv", header + "1,a@b.test,8/3/2026 17:06,Hi\n2,a@b.test,25/3/2026 5:06 PM,Hi\n");
        var ambiguous = CrmFile.FromText("emails.csv", header + "1,a@b.test,8/3/2026 17:06,Hi\n");
        var mixed = CrmFile.FromText("emails.csv", header + "1,a@b.test,25/3/2026,Hi\n2,a@b.test,3/25/2026,Hi\n");

        Read(null, dayFirst).Records.Select(r => r.Date).ShouldBe([new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 25)]);
        Problems(Read(null, ambiguous).Report).ShouldBe(["emails.csv 2 : Dates such as '8/3/2026' can be read day first or month first, and no date in the file tells which; choose the date order (day first or month first) and import again."]);
        Read(new CrmExportOptions { DateOrder = CrmDateOrder.MonthFirst }, ambiguous).Records.Single().Date.ShouldBe(new DateOnly(2026, 8, 3));
        Problems(Read(null, mixed).Report).ShouldBe(["emails.csv 3 : The file mixes day-first dates (line 2) and month-first dates (line 3); export it again without opening it in Excel."]);
    }

    [Fact]
    public void A_salesforce_report_is_read_by_its_labels_and_its_footer_left_out()
    {
        var report = CrmFile.FromText("report.csv",
            "\"Assigned\",\"Subject\",\"Date\",\"Activity Type\",\"Call Duration\",\"Duration\",\"Status\",\"Company / Account\",\"Opportunity\"\n" +
            "\"Björn Nyström\",\"Cold call\",\"16/11/2026\",\"Call\",\"600\",\"\",\"Completed\",\"Acme\",\"\"\n" +
            "\"bjorn nystrom\",\"Demo\",\"17/11/2026\",\"Event\",\"\",\"45\",\"\",\"\",\"Acme - New\"\n" +
            "\"Björn Nyström\",\"Follow up\",\"18/11/2026\",\"Task\",\"\",\"\",\"Not Started\",\"\",\"\"\n" +
            "\"Automated Process\",\"Sync\",\"18/11/2026\",\"Task\",\"\",\"\",\"Completed\",\"\",\"\"\n" +
            "\n\"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n\"Confidential Information - Do Not Distribute\"\n\"Generated By:  Ann Lee  18/11/2026 17:47\"\n\"Northwind\"\n");
        var options = new CrmExportOptions { RepsByName = new Dictionary<string, string> { ["Bjorn Nystrom"] = "bjorn@b.test" } };

        var (read, records, skips) = Read(options, report);

        Problems(read).ShouldBeEmpty();
        read.Files.Single().Kind.ShouldBe(CrmFileKind.SalesforceReport);
        read.Files.Single().Lines.ShouldBe(4);
        records.Select(r => (r.OwnerEmail, r.Type, r.Date.Day, r.Minutes, r.Links)).ShouldBe(
        [
            ("bjorn@b.test", CrmActivityType.Call, 16, (decimal?)10m, CrmLink.Account),
            ("bjorn@b.test", CrmActivityType.Meeting, 17, 45m, CrmLink.Opportunity),
        ]);
        skips.Select(s => s.Reason).ShouldBe([CrmSkipReason.OpenTask, CrmSkipReason.SystemUser]);
        read.SystemUsers.ShouldBe([new CrmOwnerCount("Automated Process", 1)]);
    }

    [Fact]
    public void Users_typed_as_system_are_skipped_unless_the_consultant_says_otherwise_and_inactive_ones_are_flagged()
    {
        var users = CrmFile.FromText("User.csv",
            "Id,Email,Name,UserType,Profile.Name,IsActive\n" +
            "005000000000001AAA,ann@b.test,Ann Lee,Standard,Sales User,true\n" +
            "005000000000002AAA,sync@b.test,Data Sync,AutomatedProcess,,true\n" +
            "005000000000003AAA,old@b.test,Old Rep,Standard,Sales User,false\n");
        var tasks = CrmFile.FromText("Task.csv",
            "Id,OwnerId,Subject,ActivityDate,TaskSubtype\nt1,005000000000001AAA,Email,2026-11-16,Email\nt2,005000000000002AAA,Email,2026-11-16,Email\nt3,005000000000003AAA,Email,2026-11-16,Email\n");

        var (report, records, skips) = Read(null, tasks, users);
        records.Select(r => r.OwnerEmail).ShouldBe(["ann@b.test", "old@b.test"]);
        skips.Single().Reason.ShouldBe(CrmSkipReason.SystemUser);
        report.InactiveOwners.ShouldBe([new CrmOwnerCount("Old Rep", 1)]);

        var overridden = Read(new CrmExportOptions { UserOverrides = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase) { ["sync@b.test"] = true, ["Ann Lee"] = false } }, tasks, users);
        overridden.Records.Select(r => r.OwnerEmail).ShouldBe(["sync@b.test", "old@b.test"]);
    }

    [Fact]
    public void Incoming_emails_and_meetings_that_did_not_happen_bring_no_hours()
    {
        var (_, records, skips) = Read(null,
            CrmFile.FromText("emails.csv", "Record ID,Activity assigned to,Activity date,Email subject,Email direction\n1,a@b.test,2026-11-16 09:00,Re: pricing,Incoming reply\n2,a@b.test,2026-11-16 09:00,Pricing,EMAIL\n3,a@b.test,2026-11-16 09:00,Fwd,INCOMING_EMAIL\n"),
            CrmFile.FromText("meetings.csv", "Record ID,Activity assigned to,Meeting name,Meeting start time,Meeting end time,Meeting outcome\n1,a@b.test,Demo,2026-11-16 09:00,2026-11-16 10:00,No show\n2,a@b.test,Demo,2026-11-16 09:00,2026-11-16 10:00,RESCHEDULED\n3,a@b.test,Demo,2026-11-16 09:00,2026-11-16 10:00,Completed\n"));

        records.Select(r => (r.Type, r.RecordId)).ShouldBe([(CrmActivityType.Email, "2"), (CrmActivityType.Meeting, "3")]);
        skips.Select(s => s.Reason).ShouldBe([CrmSkipReason.IncomingEmail, CrmSkipReason.IncomingEmail, CrmSkipReason.NoShowMeeting, CrmSkipReason.RescheduledMeeting]);
    }

    [Fact]
    public void Records_carry_their_direction_outcome_and_status_for_the_rules()
    {
        var users = CrmFile.FromText("User.csv", "Id,Email,Name\n005000000000001AAA,ann@b.test,Ann Lee\n");
        var (_, records, _) = Read(null,
            CrmFile.FromText("calls.csv", "Record ID,Activity assigned to,Activity date,Call duration (HH:mm:ss),Call Title,Call direction,Call outcome,Call status\n1,a@b.test,2026-11-16 09:00,0:05:00,Call,OUTBOUND,Connected,COMPLETED\n"),
            CrmFile.FromText("emails.csv", "Record ID,Activity assigned to,Activity date,Email subject,Email direction,Email send status\n1,a@b.test,2026-11-16 09:00,Hi,EMAIL,Sent\n"),
            CrmFile.FromText("tasks.csv", "Record ID,Activity assigned to,Activity date,Task Title,Task status\n1,a@b.test,2026-11-16 09:00,Do,Completed\n"),
            CrmFile.FromText("Task.csv", "Id,OwnerId,Subject,ActivityDate,Status,CallType,CallDisposition,CallDurationInSeconds,TaskSubtype\nt1,005000000000001AAA,Call,2026-11-16,Completed,Inbound,Left voicemail,60,Call\n"),
            users);

        records.Select(r => (r.File, r.Direction, r.Outcome, r.Status)).ShouldBe(
        [
            ("calls.csv", "OUTBOUND", "Connected", "COMPLETED"),
            ("emails.csv", "EMAIL", "", "Sent"),
            ("tasks.csv", "", "", "Completed"),
            ("Task.csv", "Inbound", "Left voicemail", "Completed"),
        ]);
    }

    [Fact]
    public void Unmatched_owners_are_counted_most_records_first_and_a_mapping_resolves_them()
    {
        var calls = CrmFile.FromText("calls.csv", "Record ID,Activity assigned to,Activity date,Call duration (HH:mm:ss),Call Title\n1,Kim Ode,2026-11-16 09:00,0:10:00,Call\n2,Zoë Brandt,2026-11-16 09:00,0:10:00,Call\n3,Zoë Brandt,2026-11-16 09:00,0:10:00,Call\n");

        Read(null, calls).Report.UnmatchedOwners.ShouldBe([new CrmOwnerCount("Zoë Brandt", 2), new CrmOwnerCount("Kim Ode", 1)]);
        var mapped = Read(new CrmExportOptions { OwnerMap = new Dictionary<string, CrmOwner>(StringComparer.OrdinalIgnoreCase) { ["kim ode"] = new("kim@b.test", "Kim Ode") } }, calls);
        mapped.Records.Single().OwnerEmail.ShouldBe("kim@b.test");
        mapped.Report.RecordsResolved.ShouldBe(1);
    }

    // Headers as the tools' detailed reports write them (public exports and importers of each tool).
    [Theory]
    [InlineData("clockify.csv", CrmFileKind.ClockifyOrToggl,
        "\"Project\",\"Client\",\"Description\",\"Task\",\"User\",\"Group\",\"Email\",\"Tags\",\"Type\",\"Billable\",\"Invoiced\",\"Invoice ID\",\"Start Date\",\"Start Time\",\"End Date\",\"End Time\",\"Duration (h)\",\"Duration (decimal)\",\"Date of creation\"\n" +
        "\"Outbound\",\"\",\"Prospecting calls\",\"\",\"Ann Lee\",\"SDR\",\"ann@b.test\",\"\",\"Regular\",\"No\",\"No\",\"\",\"16/11/2026\",\"09:00\",\"16/11/2026\",\"10:30\",\"1:30\",\"1.50\",\"24/11/2026\"\n")]
    [InlineData("toggl.csv", CrmFileKind.ClockifyOrToggl,
        "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (USD)\n" +
        "Ann Lee,ann@b.test,,Outbound,,Prospecting calls,No,2026-11-16,09:00:00,2026-11-16,10:30:00,01:30:00,,\n")]
    [InlineData("harvest.csv", CrmFileKind.Harvest,
        "Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,Billable?,Invoiced?,Approved?,First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,External Reference URL\n" +
        "2026-11-16,,Outbound,OUT,Prospecting,calls,1.5,1.5,No,No,No,Ann,Lee,SDR,Yes,0,0,0,0,USD,\n")]
    [InlineData("kimai.csv", CrmFileKind.Kimai,
        "Date,From,To,Duration,Currency,Rate,Internal rate,Hourly rate,Fixed rate,Name,Username,Email,Account number,Customer,Project,Activity,Description,Billable,Tags,Type,Category\n" +
        "2026-11-16,09:00,10:30,1.50,EUR,0,0,0,,Ann Lee,ann,ann@b.test,,Internal,Outbound,Prospecting,calls,no,,timesheet,work\n")]
    public void Time_tracker_reports_are_tasks_of_their_tracked_time(string name, CrmFileKind kind, string content)
    {
        var options = new CrmExportOptions { RepsByName = new Dictionary<string, string> { ["Ann Lee"] = "ann@b.test" } };

        var (report, records, _) = Read(options, CrmFile.FromText(name, content));

        Problems(report).ShouldBeEmpty();
        report.Files.Single().Kind.ShouldBe(kind);
        var record = records.ShouldHaveSingleItem();
        (record.OwnerEmail, record.Type, record.Date, record.Minutes).ShouldBe(("ann@b.test", CrmActivityType.Task, new DateOnly(2026, 11, 16), (decimal?)90m));
        record.Subject.ShouldContain("Outbound");
        record.Subject.ShouldContain("rospecting");
        // The same ordered rules book it: a keyword in project, task or description is enough.
        CrmWorkload.Classify([new ClassificationRule(null, null, ["prospecting"], "Cold calls")], record).ShouldBe(0);
    }

    /// <summary>A one-sheet workbook as Excel writes one: shared strings, dates in a date style, durations in an h:mm:ss style.</summary>
    private static byte[] Workbook(params object[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "[h]:mm:ss" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill()) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 3 });
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(rows[r][c] switch
                    {
                        string text => SharedString(strings.SharedStringTable, reference, text),
                        DateTime at => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(at.ToOADate()) },
                        TimeSpan span => new Cell { CellReference = reference, StyleIndex = 2, CellValue = new CellValue(span.TotalDays) },
                        double number => new Cell { CellReference = reference, CellValue = new CellValue(number) },
                        var other => throw new ArgumentException($"No cell for {other}."),
                    });
                }
                data.Append(row);
            }
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Calls" }));
        }
        return stream.ToArray();
    }

    private static Cell SharedString(SharedStringTable table, string reference, string text)
    {
        table.AppendChild(new SharedStringItem(new Text(text)));
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(table.Count() - 1) };
    }
}
