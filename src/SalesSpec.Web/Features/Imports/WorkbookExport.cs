using ClosedXML.Excel;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.Spreadsheets;
using SalesSpec.Formats.TimeLogCsv;

namespace SalesSpec.Web.Features.Imports;

/// <summary>
/// The analysis and its time logs as one Excel workbook: a summary with the recommendations, the
/// figures per rep, and the time logs in the import's columns. Numbers are numbers; every text cell
/// that a spreadsheet would run as a formula is neutralised, as in the CSV files.
/// </summary>
public static class WorkbookExport
{
    /// <summary>A worksheet holds 1,048,576 rows; one is the header.</summary>
    public const int MaxTimeLogRows = 1_048_575;

    public static async Task WriteAsync(string organization, AnalysisResult result, IAsyncEnumerable<TimeLogCsvRecord> timeLogs, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(timeLogs);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        var summary = workbook.Worksheets.Add("Summary");
        var reps = workbook.Worksheets.Add("Reps");
        var logs = workbook.Worksheets.Add("Time logs");

        var truncated = await WriteTimeLogsAsync(logs, timeLogs, cancellationToken);
        WriteSummary(summary, organization, result, truncated);
        WriteReps(reps, result);

        // ClosedXML writes synchronously; the response body takes only asynchronous writes.
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private static void WriteSummary(IXLWorksheet sheet, string organization, AnalysisResult result, bool truncated)
    {
        var row = 1;
        Text(sheet.Cell(row, 1), $"{organization}: workload analysis {result.From} – {result.To} ({result.Weeks} weeks)");
        sheet.Cell(row, 1).Style.Font.Bold = true;
        sheet.Cell(row, 1).Style.Font.FontSize = 14;
        row += 2;
        Pair(sheet, row++, "80/20 threshold", result.Threshold, "0%");
        Pair(sheet, row++, "Standard weekly hours", result.StandardWeeklyHours, "0.##");
        Pair(sheet, row++, "Hours logged", result.TotalHours, "#,##0.##");
        Pair(sheet, row++, "Selling share", result.SellingShare, "0.0%");
        Pair(sheet, row++, "Reps analysed", result.Reps.Count, "0");
        if (truncated)
        {
            Text(sheet.Cell(row++, 1), $"The 'Time logs' sheet stops at {MaxTimeLogRows:N0} rows, Excel's limit; export the time logs as CSV for all of them.");
        }

        row++;
        Header(sheet, row++, "Workload", "Hours", "Share");
        foreach (var workload in result.Workloads)
        {
            Text(sheet.Cell(row, 1), Labels.Of(workload.Workload));
            Number(sheet.Cell(row, 2), workload.Hours, "#,##0.##");
            Number(sheet.Cell(row++, 3), workload.Share, "0.0%");
        }
        Text(sheet.Cell(row, 1), "Non-selling");
        Number(sheet.Cell(row, 2), result.NonSelling.Hours, "#,##0.##");
        Number(sheet.Cell(row++, 3), result.NonSelling.Share, "0.0%");

        row++;
        Header(sheet, row++, "Recommendation", "Workload", "Share", "Hours a week", "FTE", "Headcount", "Candidates", "Rationale", "Source");
        foreach (var recommendation in result.Recommendations)
        {
            Text(sheet.Cell(row, 1), recommendation.Kind.ToString());
            Text(sheet.Cell(row, 2), recommendation.Workload is { } w ? Labels.Of(w) : "");
            Number(sheet.Cell(row, 3), recommendation.Share, "0.0%");
            Number(sheet.Cell(row, 4), recommendation.WeeklyHours, "#,##0.#");
            Number(sheet.Cell(row, 5), recommendation.FteEquivalent, "0.0");
            Number(sheet.Cell(row, 6), recommendation.SuggestedHeadcount, "0");
            Text(sheet.Cell(row, 7), string.Join(", ", recommendation.Candidates ?? []));
            Text(sheet.Cell(row, 8), recommendation.Rationale);
            Text(sheet.Cell(row++, 9), recommendation.Source);
        }
        sheet.Column(1).Width = 28;
        sheet.Columns(2, 7).Width = 14;
        sheet.Column(8).Width = 80;
        sheet.Column(9).Width = 60;
    }

    private static void WriteReps(IXLWorksheet sheet, AnalysisResult result)
    {
        Header(sheet, 1, "Email", "Name", "Team", "Role", "Core workload", "Hours",
            "Inbound qualification", "Outbound prospecting", "Closing", "Post-sales", "Non-selling",
            "Core share", "Non-core share", "Non-selling share", "Focus");
        var row = 2;
        foreach (var rep in result.Reps)
        {
            Text(sheet.Cell(row, 1), rep.Email);
            Text(sheet.Cell(row, 2), rep.Name);
            Text(sheet.Cell(row, 3), rep.Team ?? "");
            Text(sheet.Cell(row, 4), rep.Role);
            Text(sheet.Cell(row, 5), Labels.Of(rep.CoreWorkload));
            Number(sheet.Cell(row, 6), rep.Hours, "#,##0.##");
            var column = 7;
            foreach (var function in Enum.GetValues<SalesFunction>())
            {
                Number(sheet.Cell(row, column++), rep.HoursByFunction.GetValueOrDefault(function), "#,##0.##");
            }
            Number(sheet.Cell(row, 12), rep.CoreShare, "0.0%");
            Number(sheet.Cell(row, 13), rep.NonCoreShare, "0.0%");
            Number(sheet.Cell(row, 14), rep.NonSellingShare, "0.0%");
            Text(sheet.Cell(row++, 15), rep.Focus.ToString());
        }
        sheet.Columns(1, 15).Width = 16;
        sheet.Column(1).Width = 30;
        sheet.SheetView.FreezeRows(1);
    }

    private static async Task<bool> WriteTimeLogsAsync(IXLWorksheet sheet, IAsyncEnumerable<TimeLogCsvRecord> timeLogs, CancellationToken cancellationToken)
    {
        Header(sheet, 1, [.. TimeLogCsvReader.Columns]);
        var row = 2;
        await foreach (var log in timeLogs.WithCancellation(cancellationToken))
        {
            if (row > MaxTimeLogRows + 1)
            {
                return true;
            }
            Text(sheet.Cell(row, 1), log.Week.ToString());
            Text(sheet.Cell(row, 2), log.Email);
            Text(sheet.Cell(row, 3), log.Name);
            Text(sheet.Cell(row, 4), log.Team ?? "");
            Text(sheet.Cell(row, 5), log.Role);
            Text(sheet.Cell(row, 6), log.Activity);
            Text(sheet.Cell(row, 7), log.Function.ToString());
            Number(sheet.Cell(row++, 8), log.Hours, "0.####");
        }
        sheet.Columns(1, 8).Width = 18;
        sheet.Column(2).Width = 30;
        sheet.Column(6).Width = 28;
        sheet.SheetView.FreezeRows(1);
        return false;
    }

    internal static void Header(IXLWorksheet sheet, int row, params string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            Text(sheet.Cell(row, i + 1), names[i]);
            sheet.Cell(row, i + 1).Style.Font.Bold = true;
            sheet.Cell(row, i + 1).Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EAF6");
        }
    }

    internal static void Pair(IXLWorksheet sheet, int row, string label, decimal value, string format)
    {
        Text(sheet.Cell(row, 1), label);
        Number(sheet.Cell(row, 2), value, format);
    }

    // SetValue keeps the text as given (Value = "'x" would be read as Excel's own quote prefix and dropped).
    internal static void Text(IXLCell cell, string text)
    {
        cell.DataType = XLDataType.Text;
        cell.SetValue(SpreadsheetText.Neutralise(text));
    }

    internal static void Number(IXLCell cell, decimal? value, string format)
    {
        if (value is not { } number)
        {
            return;
        }
        cell.SetValue(number);
        cell.Style.NumberFormat.Format = format;
    }
}
