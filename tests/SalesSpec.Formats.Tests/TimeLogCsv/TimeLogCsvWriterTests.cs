using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.TimeLogCsv;

namespace SalesSpec.Formats.Tests.TimeLogCsv;

/// <summary>The export side of formats.md §1: the reader's columns, neutralised cells, and a round trip.</summary>
public sealed class TimeLogCsvWriterTests
{
    private static string Write(params TimeLogCsvRecord[] records)
    {
        var text = new StringWriter();
        using (var writer = new TimeLogCsvWriter(text))
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }
            writer.Flush();
        }
        return text.ToString();
    }

    [Fact]
    public void The_header_has_the_reader_s_columns_and_lines_end_with_crlf()
    {
        Write().ShouldBe("week,rep_email,rep_name,team,role,activity,function,hours\r\n");
    }

    [Fact]
    public void A_record_is_written_in_the_reader_s_columns()
    {
        var text = Write(
            new TimeLogCsvRecord(IsoWeek.Parse("2026-W47"), "ana@acme.test", "Ruiz, Ana", "East", "Full-Cycle Rep", "Demos", SalesFunction.Closing, 7.5m),
            new TimeLogCsvRecord(IsoWeek.Parse("2026-W48"), "bo@acme.test", "Bo", null, "Account Executive", "Cold calls", SalesFunction.OutboundProspecting, 2.12345m));

        text.Split("\r\n").ShouldBe(
        [
            "week,rep_email,rep_name,team,role,activity,function,hours",
            "2026-W47,ana@acme.test,\"Ruiz, Ana\",East,Full-Cycle Rep,Demos,Closing,7.5",
            "2026-W48,bo@acme.test,Bo,,Account Executive,Cold calls,OutboundProspecting,2.1235",
            "",
        ]);
    }

    [Fact]
    public void Cells_a_spreadsheet_would_run_get_a_leading_quote()
    {
        var text = Write(new TimeLogCsvRecord(IsoWeek.Parse("2026-W47"), "@ana@acme.test", "=Ana", "+East", "-Rep", "@Demos", SalesFunction.Closing, 1m));

        text.Split("\r\n")[1].ShouldBe("2026-W47,'@ana@acme.test,'=Ana,'+East,'-Rep,'@Demos,Closing,1");
    }

    [Fact]
    public void An_export_reads_back_unchanged()
    {
        var activities = new Dictionary<string, SalesFunction>(TimeLogCsvOptions.DefaultActivities, StringComparer.OrdinalIgnoreCase)
        {
            ["=SUM(A1)"] = SalesFunction.NonSelling,
        };
        var text = Write(
            new TimeLogCsvRecord(IsoWeek.Parse("2026-W47"), "ana@acme.test", "=HYPERLINK(\"x\")", "'-East", "Full-Cycle Rep", "=SUM(A1)", SalesFunction.NonSelling, 0.0001m),
            new TimeLogCsvRecord(IsoWeek.Parse("2026-W47"), "ana@acme.test", "=HYPERLINK(\"x\")", "'-East", "Full-Cycle Rep", "Demos", SalesFunction.Closing, 40m));

        var rows = new List<TimeLogCsvRow>();
        var report = TimeLogCsvReader.Read(new StringReader(text), new TimeLogCsvOptions { Activities = activities }, rows.Add);

        report.Problems.ShouldBeEmpty();
        report.Reps["ana@acme.test"].ShouldBe(new CsvRep("ana@acme.test", "=HYPERLINK(\"x\")", "'-East", "Full-Cycle Rep", 2));
        rows.Select(r => (r.Week.ToString(), r.Activity, r.Function, r.Hours)).ShouldBe(
        [
            ("2026-W47", "=SUM(A1)", SalesFunction.NonSelling, 0.0001m),
            ("2026-W47", "Demos", SalesFunction.Closing, 40m),
        ]);
    }

    [Fact]
    public void Nothing_is_written_after_the_writer_is_disposed_and_the_text_writer_stays_open()
    {
        var text = new StringWriter();
        new TimeLogCsvWriter(text).Dispose();

        text.Write("x");
        text.ToString().ShouldBe("week,rep_email,rep_name,team,role,activity,function,hours\r\nx");
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Should.Throw<ArgumentNullException>(() => new TimeLogCsvWriter(null!));
        using var writer = new TimeLogCsvWriter(new StringWriter());
        Should.Throw<ArgumentNullException>(() => writer.Write(null!));
    }
}
