using CsCheck;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Formats.Spreadsheets;
using SalesSpec.Formats.TimeLogCsv;

namespace SalesSpec.Formats.Tests;

/// <summary>Whatever a file holds, the reader answers with a report, never with an exception.</summary>
public sealed class CsvFuzzTests
{
    private static readonly TimeLogCsvOptions Options = new()
    {
        Activities = TimeLogCsvOptions.DefaultActivities,
        KnownRoles = ["Account Executive", "Full-Cycle Rep"],
    };

    // The characters that matter to CSV, dates, numbers and emails, plus a few that should not be there at all.
    private static readonly Gen<char> Characters = Gen.OneOf(
        Gen.Char[",\"\r\n;'=-+.@ W0123456789"],
        Gen.Char['a', 'z'],
        Gen.Const('\uFEFF'),
        Gen.Const('\0'),
        Gen.Char['\u00C0', '\u024F']);

    private static readonly Gen<string> Noise = Gen.String[Characters, 0, 400];

    private static readonly Gen<string> Line = Gen.OneOf(
        Noise,
        Gen.Select(Gen.OneOf(Gen.Const("2026-W47"), Gen.Const("2026-02-30"), Noise),
            Gen.OneOf(Gen.Const("ana@acme.test"), Noise),
            Gen.OneOf(Gen.Const("Demos"), Gen.Const("closing"), Noise),
            Gen.OneOf(Gen.Const("7.5"), Gen.Const("-1"), Gen.Const("1e9"), Gen.Const("99.99999"), Noise),
            (week, email, activity, hours) => $"{week},{email},{activity},{hours}"));

    private static readonly Gen<string> Files = Gen.OneOf(
        Noise,
        Line.Array[0, 30].Select(lines => "week,rep_email,activity,hours\n" + string.Join("\n", lines)),
        Line.Array[0, 30].Select(lines => "\uFEFFweek,rep_email,function,hours,week\r\n" + string.Join("\r\n", lines)));

    [Fact]
    public void Any_input_gets_a_report_with_sensible_line_numbers_and_never_an_exception()
    {
        Files.Sample(text =>
        {
            var rows = 0;
            var report = TimeLogCsvReader.Read(new StringReader(text), Options, _ => rows++);
            // CR, LF and CRLF each end a line, as in the reader's line numbers.
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c is '\n' or '\r') + 2;
            report.Problems.ShouldAllBe(p => p.Line >= 1 && p.Line <= lines && p.Reason.Length > 0);
            (report.IsValid || report.ProblemCount > 0).ShouldBeTrue();
            (rows <= report.DataLines).ShouldBeTrue();
        }, iter: 3000);
    }

    private static readonly Gen<string> CrmValue = Gen.OneOf(
        Noise,
        Gen.Const("2026-11-18T09:00:00.000Z"), Gen.Const("1763460000000"), Gen.Const("99999999999999999999"), Gen.Const("2026-11-18 25:61"),
        Gen.Const("0055e000001AbCdAAK"), Gen.Const("a@x.test"), Gen.Const("Kara Lopez (kara@x.test)"),
        Gen.Const("true"), Gen.Const("maybe"), Gen.Const("1e30"), Gen.Const("-5"), Gen.Const("99:59:59"), Gen.Const("1:2:3:4"), Gen.Const(""));

    private static readonly Gen<string> CrmFile = Gen.OneOf(
        Gen.Const("\"Id\",\"OwnerId\",\"WhoId\",\"WhatId\",\"Subject\",\"ActivityDate\",\"IsDeleted\",\"IsClosed\",\"CallDurationInSeconds\",\"TaskSubtype\",\"CompletedDateTime\""),
        Gen.Const("Id,OwnerId,Subject,IsAllDayEvent,ActivityDateTime,DurationInMinutes,StartDateTime,EndDateTime,WhatId,IsDeleted,ActivityDate"),
        Gen.Const("Record ID,Call Title,Activity date,Activity assigned to,Call duration,Associated Deal,Associated Company"),
        Gen.Const("Record ID,Meeting name,Activity date,Activity assigned to,Meeting start time,Meeting end time,Meeting outcome"),
        Gen.Const("Record ID,Task Title,Task Type,Task status,Due date,Activity assigned to"),
        Gen.Const("Id,Email,Name"),
        Noise)
        .SelectMany(header => CrmValue.Array[0, 12].Select(values => string.Join(",", values)).Array[0, 15]
            .Select(lines => header + "\n" + string.Join("\n", lines)));

    [Fact]
    public void Any_CRM_export_gets_a_report_and_never_an_exception()
    {
        CrmFile.Array[0, 4].Sample(files =>
        {
            var records = 0;
            var report = CrmExportReader.Read(
                files.Select((text, i) => SalesSpec.Formats.CrmCsv.CrmFile.FromText($"f{i}.csv", text)).ToList(),
                new CrmExportOptions(),
                record =>
                {
                    records++;
                    (record.Minutes is null or > 0 and <= 1440).ShouldBeTrue();
                },
                _ => { });
            report.Problems.ShouldAllBe(p => p.Line >= 0 && p.Reason.Length > 0);
            report.Files.Count.ShouldBe(files.Length);
        }, iter: 2000);
    }

    [Fact]
    public void Neutralised_text_always_restores_to_what_it_was_and_never_starts_a_formula()
    {
        Gen.String[Gen.Char["'=+-@\t\r a1.5"], 0, 8].Sample(text =>
        {
            var written = SpreadsheetText.Neutralise(text);
            SpreadsheetText.Restore(written).ShouldBe(text);
            var startsFormula = written.Length > 0 && "=+-@\t\r".Contains(written[0], StringComparison.Ordinal);
            (!startsFormula || decimal.TryParse(written, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out _)).ShouldBeTrue(written);
        }, iter: 5000);
    }
}
