using System.Text;
using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;

namespace SalesSpec.Formats.Tests.CrmCsv;

/// <summary>Files SalesSpec does not recognise, read through the columns a consultant mapped; CSV saved with semicolons.</summary>
public sealed class CrmMappedFilesTests
{
    // A HubSpot calls export with German column names, as a German portal's user exports it.
    private const string GermanCalls =
        "Datensatz-ID,Zugewiesen an,Aktivitätsdatum,Anrufdauer (HH:mm:ss),Anruftitel,Typ,Status\n" +
        "1,Jörg Müller,2026-11-16 09:00,0:30:00,Kaltakquise Acme,Anruf,Abgeschlossen\n" +
        "2,jorg muller,2026-11-17 10:00,0:00:00,Kaltakquise Beta,Anruf,Abgeschlossen\n" +
        "3,Jörg Müller,2026-11-18 11:00,,Demo Gamma,Termin,Abgesagt\n" +
        "4,Jörg Müller,2026-11-23 11:00,,Angebot schreiben,Aufgabe,Abgeschlossen\n" +
        "5,Anna Weiß,2026-11-23 14:00,1:15:00,Demo Delta,Termin,Abgeschlossen\n";

    private static readonly CrmLayout German = new()
    {
        Name = "HubSpot auf Deutsch",
        Owner = "Zugewiesen an",
        Date = "Aktivitätsdatum",
        Duration = "Anrufdauer (HH:mm:ss)",
        Subject = "Anruftitel",
        Type = "typ",
        Status = "STATUS",
    };

    private static readonly CrmExportOptions Reps = new()
    {
        RepsByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Jörg Müller"] = "joerg@b.test",
            ["Anna Weiß"] = "anna@b.test",
        },
    };

    private static (CrmExportReport Report, List<CrmRecord> Records, List<CrmSkip> Skips) Read(CrmExportOptions options, params CrmFile[] files)
    {
        var records = new List<CrmRecord>();
        var skips = new List<CrmSkip>();
        var report = CrmExportReader.Read(files, options, records.Add, skips.Add);
        return (report, records, skips);
    }

    private static string[] Problems(CrmExportReport report) => report.Problems.Select(p => $"{p.File} {p.Line} {p.Column}: {p.Reason}").ToArray();

    [Fact]
    public void An_unrecognised_file_is_a_problem_that_lists_its_columns_for_the_mapping_step()
    {
        var (report, records, _) = Read(Reps, CrmFile.FromText("anrufe.csv", GermanCalls));

        records.ShouldBeEmpty();
        Problems(report).Single().ShouldStartWith("anrufe.csv 1 : SalesSpec cannot tell what this file is");
        Problems(report).Single().ShouldContain("Map its columns");
        var file = report.Files.Single();
        file.Kind.ShouldBe(CrmFileKind.Unknown);
        file.Columns.ShouldBe(["Datensatz-ID", "Zugewiesen an", "Aktivitätsdatum", "Anrufdauer (HH:mm:ss)", "Anruftitel", "Typ", "Status"]);
    }

    [Fact]
    public void A_mapped_file_is_read_through_its_columns_types_and_statuses()
    {
        var (report, records, skips) = Read(Reps with { Layout = German }, CrmFile.FromText("anrufe.csv", GermanCalls));

        Problems(report).ShouldBeEmpty();
        report.Files.Single().Kind.ShouldBe(CrmFileKind.Mapped);
        report.Files.Single().Layout.ShouldBe("HubSpot auf Deutsch");
        records.Select(r => (r.Line, r.OwnerEmail, r.Type, r.Subject, r.Date, r.Minutes, r.Status)).ShouldBe(
        [
            (2, "joerg@b.test", CrmActivityType.Call, "Kaltakquise Acme", new DateOnly(2026, 11, 16), (decimal?)30m, "Abgeschlossen"),
            // A written 0 counts 0 hours; an empty duration takes the type's standard minutes (null here).
            (3, "joerg@b.test", CrmActivityType.Call, "Kaltakquise Beta", new DateOnly(2026, 11, 17), 0m, "Abgeschlossen"),
            (5, "joerg@b.test", CrmActivityType.Task, "Angebot schreiben", new DateOnly(2026, 11, 23), null, "Abgeschlossen"),
            (6, "anna@b.test", CrmActivityType.Meeting, "Demo Delta", new DateOnly(2026, 11, 23), 75m, "Abgeschlossen"),
        ]);
        skips.Select(s => (s.Line, s.Reason)).ShouldBe([(4, CrmSkipReason.CanceledMeeting)]);
    }

    [Fact]
    public void Saved_layouts_read_files_not_recognised_and_leave_known_exports_alone()
    {
        var knownCalls = CrmFile.FromText("calls.csv", "Record ID,Activity assigned to,Activity date,Call duration,Call Title\n7,Anna Weiß,2026-11-16 09:00,0:10:00,Cold call\n");
        var clash = German with { Name = "Clash", Owner = "Activity assigned to", Date = "Activity date", Duration = null, Subject = null, Type = null, Status = null };

        var (report, records, _) = Read(Reps with { SavedLayouts = [clash, German] }, CrmFile.FromText("anrufe.csv", GermanCalls), knownCalls);

        Problems(report).ShouldBeEmpty();
        report.Files.Select(f => (f.Name, f.Kind, f.Layout)).ShouldBe([("anrufe.csv", CrmFileKind.Mapped, "HubSpot auf Deutsch"), ("calls.csv", CrmFileKind.HubSpotCalls, (string?)null)]);
        records.Count.ShouldBe(5);
        records.Single(r => r.File == "calls.csv").Minutes.ShouldBe(10m);
    }

    [Fact]
    public void A_chosen_layout_reads_even_a_file_SalesSpec_knows()
    {
        var calls = CrmFile.FromText("calls.csv", "Record ID,Activity assigned to,Activity date,Call duration,Call Title,Notes\n7,Anna Weiß,2026-11-16 09:00,0:10:00,Cold call,12\n");
        var layout = new CrmLayout { Name = "Notes are minutes", Owner = "Activity assigned to", Date = "Activity date", Duration = "Notes", Subject = "Call Title", RecordType = CrmActivityType.Call };

        var (report, records, _) = Read(Reps with { Layout = layout }, calls);

        Problems(report).ShouldBeEmpty();
        records.Single().Minutes.ShouldBe(12m);
        records.Single().Type.ShouldBe(CrmActivityType.Call);
    }

    [Fact]
    public void A_layout_a_file_does_not_fit_names_the_missing_column()
    {
        var (report, records, _) = Read(Reps with { Layout = German with { Duration = "Dauer" } }, CrmFile.FromText("anrufe.csv", GermanCalls));

        records.ShouldBeEmpty();
        Problems(report).ShouldBe(["anrufe.csv 1 Dauer: The file has no 'Dauer' column, which the layout 'HubSpot auf Deutsch' reads; choose its columns again from the file's header."]);
    }

    [Fact]
    public void A_layout_no_file_needs_is_a_problem_not_ignored()
    {
        var calls = CrmFile.FromText("calls.csv", "Record ID,Activity assigned to,Activity date,Call duration,Call Title\n7,Anna Weiß,2026-11-16 09:00,0:10:00,Cold call\n");

        var (report, _, _) = Read(Reps with { Layout = German }, calls);

        Problems(report).Single().ShouldStartWith("calls.csv 1 : No file has every column of the layout 'HubSpot auf Deutsch'");
    }

    [Theory]
    [InlineData(CrmDurationUnit.Hours, "1,5", 90.0)]
    [InlineData(CrmDurationUnit.Minutes, "45", 45.0)]
    [InlineData(CrmDurationUnit.Seconds, "90", 1.5)]
    [InlineData(CrmDurationUnit.Hours, "1:30", 90.0)]
    public void A_semicolon_file_with_decimal_commas_is_read_in_the_layout_unit(CrmDurationUnit unit, string value, double minutes)
    {
        // German Excel's "CSV (Trennzeichen-getrennt)": semicolons, decimal commas, Windows-1252.
        var bytes = Encoding.Latin1.GetBytes($"Mitarbeiter;Datum;Dauer;Tätigkeit\nJörg Müller;16.11.2026;{value};Angebot\n");
        var layout = new CrmLayout { Name = "Zeiterfassung", Owner = "Mitarbeiter", Date = "Datum", Duration = "Dauer", DurationUnit = unit, Subject = "Tätigkeit" };

        var (report, records, _) = Read(Reps with { Layout = layout }, new CrmFile("zeiten.csv", () => new MemoryStream(bytes)));

        Problems(report).ShouldBeEmpty();
        report.Files.Single().Note!.ShouldContain("Separated by semicolons");
        records.Single().ShouldSatisfyAllConditions(
            r => r.OwnerEmail.ShouldBe("joerg@b.test"),
            r => r.Date.ShouldBe(new DateOnly(2026, 11, 16)),
            r => r.Minutes.ShouldBe((decimal)minutes),
            r => r.Subject.ShouldBe("Angebot"));
    }

    [Fact]
    public void A_known_export_saved_with_semicolons_is_recognised()
    {
        var (report, records, _) = Read(Reps, CrmFile.FromText("calls.csv", "Record ID;Activity assigned to;Activity date;Call duration;Call Title\n7;Anna Weiß;2026-11-16 09:00;0:10:00;\"Call; left a message\"\n"));

        Problems(report).ShouldBeEmpty();
        report.Files.Single().Kind.ShouldBe(CrmFileKind.HubSpotCalls);
        records.Single().Subject.ShouldBe("Call; left a message");
        records.Single().Minutes.ShouldBe(10m);
    }

    [Fact]
    public void Only_a_meeting_runs_over_days_in_a_mapped_file()
    {
        var file = CrmFile.FromText("report.csv", "Rep,Day,Minutes,Kind\nJörg Müller,2026-11-16,2000,Call\nJörg Müller,2026-11-16,2880,Meeting\n");
        var layout = new CrmLayout { Name = "Report", Owner = "Rep", Date = "Day", Duration = "Minutes", Type = "Kind" };

        var (report, records, _) = Read(Reps with { Layout = layout }, file);

        Problems(report).ShouldBe(["report.csv 2 Minutes: A record of 2000 minutes is more than a day; check the record, or the duration unit of the layout 'Report'."]);
        // The two-day meeting counts at most a standard day on each day it covers, as any long event.
        records.Select(r => (r.Date, r.Minutes)).ShouldBe([(new DateOnly(2026, 11, 16), (decimal?)480m), (new DateOnly(2026, 11, 17), 480m)]);
    }

    [Fact]
    public void A_column_is_the_one_written_so_not_another_of_the_same_name_and_a_unit()
    {
        var file = CrmFile.FromText("report.csv", "Owner,Date (created),Date (completed),Minutes\nJörg Müller,2026-11-02,2026-11-16,10\n");

        var (exact, records, _) = Read(Reps with { Layout = new CrmLayout { Name = "R", Owner = "Owner", Date = "date (COMPLETED)", Duration = "Minutes" } }, file);
        var (vague, _, _) = Read(Reps with { Layout = new CrmLayout { Name = "R", Owner = "Owner", Date = "Date", Duration = "Minutes" } }, file);

        Problems(exact).ShouldBeEmpty();
        records.Single().Date.ShouldBe(new DateOnly(2026, 11, 16));
        Problems(vague).ShouldBe(["report.csv 1 Date: The file has no 'Date' column, which the layout 'R' reads; choose its columns again from the file's header."]);
    }

    [Fact]
    public void The_saved_layout_that_reads_the_most_columns_wins_over_a_later_smaller_one()
    {
        var quick = new CrmLayout { Name = "Quick", Owner = "Zugewiesen an", Date = "Aktivitätsdatum" };

        var (report, records, _) = Read(Reps with { SavedLayouts = [quick, German] }, CrmFile.FromText("anrufe.csv", GermanCalls));

        Problems(report).ShouldBeEmpty();
        report.Files.Single().Layout.ShouldBe("HubSpot auf Deutsch");
        records.First().Minutes.ShouldBe(30m);
    }

    [Fact]
    public void A_chosen_layout_that_does_not_fit_is_a_problem_even_when_a_saved_one_fits()
    {
        var (report, records, _) = Read(Reps with { Layout = German with { Name = "v2", Status = "Ergebnis" }, SavedLayouts = [German] }, CrmFile.FromText("anrufe.csv", GermanCalls));

        records.ShouldBeEmpty();
        Problems(report).ShouldBe(["anrufe.csv 1 Ergebnis: The file has no 'Ergebnis' column, which the layout 'v2' reads; choose its columns again from the file's header."]);
    }

    [Theory]
    [InlineData(CrmDurationUnit.Minutes, "Dauer", "1:30", 90.0)]
    [InlineData(CrmDurationUnit.Hours, "Dauer", "1:30", 90.0)]
    [InlineData(CrmDurationUnit.Seconds, "Dauer", "1:30", 1.5)]
    [InlineData(CrmDurationUnit.Minutes, "Dauer", "0:01:30", 1.5)]
    [InlineData(CrmDurationUnit.Hours, "Dauer (mm:ss)", "1:30", 1.5)]
    public void Two_part_times_are_hours_and_minutes_unless_the_column_counts_seconds(CrmDurationUnit unit, string header, string value, double minutes)
    {
        var file = CrmFile.FromText("zeiten.csv", $"Mitarbeiter,Datum,{header}\nJörg Müller,2026-11-16,{value}\n");

        var (report, records, _) = Read(Reps with { Layout = new CrmLayout { Name = "Z", Owner = "Mitarbeiter", Date = "Datum", Duration = header, DurationUnit = unit } }, file);

        Problems(report).ShouldBeEmpty();
        records.Single().Minutes.ShouldBe((decimal)minutes);
    }

    [Fact]
    public void A_semicolon_header_with_an_unquoted_comma_after_a_blank_line_is_still_semicolons()
    {
        var file = CrmFile.FromText("zeiten.csv", "\nMitarbeiter;Datum;Dauer (h, dezimal);Betreff\nJörg Müller;2026-11-16;1,5;Angebot\n");

        var (report, records, _) = Read(Reps with { Layout = new CrmLayout { Name = "Z", Owner = "Mitarbeiter", Date = "Datum", Duration = "Dauer (h, dezimal)", DurationUnit = CrmDurationUnit.Hours } }, file);

        Problems(report).ShouldBeEmpty();
        records.Single().Minutes.ShouldBe(90m);
    }

    [Fact]
    public void Layout_fits_headers_whatever_their_case_spacing_and_units()
    {
        German.Fits(["zugewiesen an", "AKTIVITÄTSDATUM", "Anrufdauer", "anruf-titel", "Typ", "Status"]).ShouldBeTrue();
        German.Fits(["Zugewiesen an", "Aktivitätsdatum"]).ShouldBeFalse();
        new CrmLayout { Owner = "", Date = "Datum" }.Fits(["Datum"]).ShouldBeFalse();
    }
}
