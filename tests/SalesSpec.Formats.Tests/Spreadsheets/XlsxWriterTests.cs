using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SalesSpec.Formats.Spreadsheets;

namespace SalesSpec.Formats.Tests.Spreadsheets;

/// <summary>The streamed workbook writer: a file Excel opens, cells where they were put, text that never runs as a formula.</summary>
public sealed class XlsxWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static MemoryStream Workbook(Action<XlsxWriter> write)
    {
        var output = new MemoryStream();
        using (var writer = new XlsxWriter(output))
        {
            write(writer);
            writer.Finish();
        }
        output.Position = 0;
        return output;
    }

    private static XDocument Part(MemoryStream workbook, string path)
    {
        workbook.Position = 0;
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        using var stream = zip.GetEntry(path).ShouldNotBeNull().Open();
        return XDocument.Load(stream);
    }

    private static List<(string Reference, string? Style, string? Type, string Value)> Cells(MemoryStream workbook, int sheet = 1) =>
        Part(workbook, $"xl/worksheets/sheet{sheet}.xml").Descendants(Main + "c")
            .Select(c => ((string)c.Attribute("r")!, (string?)c.Attribute("s"), (string?)c.Attribute("t"), c.Value))
            .ToList();

    [Fact]
    public void Cells_land_where_they_are_put_with_their_styles()
    {
        using var workbook = Workbook(xlsx =>
        {
            var sheet = xlsx.AddSheet("Reps");
            sheet.NextRow().Header("email", "hours");
            sheet.NextRow().Text("ana@acme.test").Number(7.5m, "0.0");
            sheet.Row(4).Text("Title", style: XlsxWriter.SheetWriter.TitleStyle).Number(null, "0").Number(0.25m, "0%").Number(1234.5m, "#,##0.00", column: 28);
            sheet.RowNumber.ShouldBe(4);
        });

        Cells(workbook).ShouldBe(
        [
            ("A1", "1", "inlineStr", "email"),
            ("B1", "1", "inlineStr", "hours"),
            ("A2", null, "inlineStr", "ana@acme.test"),
            ("B2", "6", null, "7.5"),
            ("A4", "2", "inlineStr", "Title"),
            ("C4", "3", null, "0.25"),
            ("AB4", "13", null, "1234.5"),
        ]);
        Part(workbook, "xl/worksheets/sheet1.xml").Descendants(Main + "row").Select(r => (string?)r.Attribute("r")).ShouldBe(["1", "2", "4"]);
    }

    [Fact]
    public void Column_names_go_past_z()
    {
        using var workbook = Workbook(xlsx => xlsx.AddSheet("S").NextRow().Text("a", column: 26).Text("b").Text("c", column: 52).Text("d", column: 703));

        Cells(workbook).Select(c => c.Reference).ShouldBe(["Z1", "AA1", "AZ1", "AAA1"]);
    }

    [Fact]
    public void Text_is_neutralised_and_cleaned_of_characters_xml_cannot_carry()
    {
        using var workbook = Workbook(xlsx => xlsx.AddSheet("S").NextRow().Text("=SUM(A1)").Text(null).Text("a\u0001b\tc\nd\u001fe\u0000").Text("  spaced  "));

        Cells(workbook).Select(c => c.Value).ShouldBe(["'=SUM(A1)", "", "ab\tc\nde", "  spaced  "]);
    }

    [Fact]
    public void The_workbook_opens_with_its_sheets_in_tab_order_and_clean_names()
    {
        using var workbook = Workbook(xlsx =>
        {
            xlsx.AddSheet("Details [2026/47]: a*b?c\\d", widths: [12.5, 30], freezeHeader: true).NextRow().Text("x");
            xlsx.AddSheet("A sheet name that is longer than thirty-one characters");
            xlsx.AddSheet("Summary", tab: -1).NextRow().Number(3m, "0");
        });

        using var document = SpreadsheetDocument.Open(workbook, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        sheets.Select(s => (s.Name!.Value, s.SheetId!.Value, s.Id!.Value)).ShouldBe(
        [
            ("Summary", 3u, "rId3"),
            ("Details  2026 47   a b c d", 1u, "rId1"),
            ("A sheet name that is longer tha", 2u, "rId2"),
        ]);
        var summary = (WorksheetPart)document.WorkbookPart.GetPartById("rId3");
        summary.Worksheet.Descendants<Cell>().Single().CellValue!.Text.ShouldBe("3");
        document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Count!.Value.ShouldBe(14u);
        document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Select(f => (f.NumberFormatId!.Value, f.FormatCode!.Value)).First().ShouldBe((164u, "0%"));

        var details = (WorksheetPart)document.WorkbookPart.GetPartById("rId1");
        details.Worksheet.Descendants<Pane>().Single().TopLeftCell!.Value.ShouldBe("A2");
        details.Worksheet.Descendants<Column>().Select(c => (c.Min!.Value, c.Max!.Value, c.Width!.Value)).ShouldBe([(1u, 1u, 12.5), (2u, 2u, 30)]);
        var second = (WorksheetPart)document.WorkbookPart.GetPartById("rId2");
        second.Worksheet.Descendants<Pane>().ShouldBeEmpty();
        second.Worksheet.Descendants<Column>().ShouldBeEmpty();
    }

    [Fact]
    public void The_package_parts_name_every_sheet()
    {
        using var workbook = Workbook(xlsx =>
        {
            xlsx.AddSheet("One");
            xlsx.AddSheet("Two");
        });

        var types = Part(workbook, "[Content_Types].xml").ToString();
        types.ShouldContain("/xl/worksheets/sheet1.xml");
        types.ShouldContain("/xl/worksheets/sheet2.xml");
        var relationships = Part(workbook, "xl/_rels/workbook.xml.rels").Root!.Elements().Select(e => ((string?)e.Attribute("Id"), (string?)e.Attribute("Target"))).ToList();
        relationships.ShouldBe([("rId1", "worksheets/sheet1.xml"), ("rId2", "worksheets/sheet2.xml"), ("rId3", "styles.xml")]);
        Part(workbook, "_rels/.rels").Root!.Elements().Single().Attribute("Target")!.Value.ShouldBe("xl/workbook.xml");
    }

    [Fact]
    public void Rows_and_columns_only_go_forward()
    {
        var output = new MemoryStream();
        using var xlsx = new XlsxWriter(output);
        var sheet = xlsx.AddSheet("S");

        Should.Throw<InvalidOperationException>(() => sheet.Text("x")).Message.ShouldBe("Start a row before writing cells.");
        Should.Throw<ArgumentOutOfRangeException>(() => sheet.Row(0));
        sheet.Row(2).Text("a", column: 2);
        Should.Throw<ArgumentOutOfRangeException>(() => sheet.Row(2)).Message.ShouldStartWith("Rows go in increasing order up to 1048576; the last was 2.");
        Should.Throw<ArgumentOutOfRangeException>(() => sheet.Text("b", column: 2)).Message.ShouldStartWith("Cells go in increasing columns; the last was 2.");
        Should.Throw<ArgumentOutOfRangeException>(() => sheet.Number(1m, "0", column: 1));
        Should.Throw<ArgumentException>(() => sheet.Number(1m, "0.000"));
        sheet.Row(XlsxWriter.MaxRows).RowNumber.ShouldBe(1_048_576);
        Should.Throw<ArgumentOutOfRangeException>(() => sheet.NextRow());
    }

    [Fact]
    public void A_closed_sheet_and_a_finished_workbook_take_nothing_more()
    {
        var output = new MemoryStream();
        var xlsx = new XlsxWriter(output);
        var first = xlsx.AddSheet("One");
        first.NextRow();
        xlsx.AddSheet("Two");

        Should.Throw<ObjectDisposedException>(() => first.Text("x"));
        xlsx.Finish();
        xlsx.Finish();
        Should.Throw<ObjectDisposedException>(() => xlsx.AddSheet("Three"));
        xlsx.Dispose();
        output.CanRead.ShouldBeTrue();
        Should.Throw<ArgumentException>(() => new XlsxWriter(new MemoryStream()).AddSheet(" "));
        Should.Throw<ArgumentNullException>(() => new XlsxWriter(null!));
    }

    [Fact]
    public void A_workbook_disposed_without_finishing_still_closes_its_sheet()
    {
        var output = new MemoryStream();
        using (var xlsx = new XlsxWriter(output))
        {
            xlsx.AddSheet("One").NextRow().Text("x");
        }

        output.Position = 0;
        Cells(output).Single().Value.ShouldBe("x");
    }

    [Fact]
    public async Task Spooling_copies_the_written_workbook_to_the_output()
    {
        var output = new MemoryStream();

        await XlsxWriter.SpoolAsync(output, file =>
        {
            using var xlsx = new XlsxWriter(file);
            xlsx.AddSheet("One").NextRow().Text("spooled");
            xlsx.Finish();
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);

        output.Position = 0;
        Cells(output).Single().Value.ShouldBe("spooled");
        await Should.ThrowAsync<ArgumentNullException>(() => XlsxWriter.SpoolAsync(null!, _ => Task.CompletedTask, TestContext.Current.CancellationToken));
        await Should.ThrowAsync<ArgumentNullException>(() => XlsxWriter.SpoolAsync(output, null!, TestContext.Current.CancellationToken));
    }
}
