using SalesSpec.Domain.Analysis;
using SalesSpec.Formats.Spreadsheets;
using SalesSpec.Formats.TimeLogCsv;
using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>
/// The analysis and its time logs as one Excel workbook: a summary with the recommendations, the
/// figures per rep, and the time logs in the import's columns. Numbers are numbers; every text cell
/// that a spreadsheet would run as a formula is neutralised, as in the CSV files. Written row by row
/// (see <see cref="XlsxWriter"/>): memory stays flat however many time logs there are.
/// </summary>
public static class WorkbookExport
{
    /// <summary>A worksheet holds 1,048,576 rows; one is the header.</summary>
    public const int MaxTimeLogRows = XlsxWriter.MaxRows - 1;

    /// <param name="team">The team analysed; null for the whole organisation.</param>
    /// <param name="savedThreshold">The organisation's own 80/20 line, when the result may be at a what-if line.</param>
    public static async Task WriteAsync(
        string organization,
        AnalysisResult result,
        IAsyncEnumerable<TimeLogCsvRecord> timeLogs,
        Stream output,
        string? team = null,
        decimal? savedThreshold = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(timeLogs);
        ArgumentNullException.ThrowIfNull(output);
        await XlsxWriter.SpoolAsync(output, async file =>
        {
            using var workbook = new XlsxWriter(file);
            // The time logs go first so that the summary, written last but shown first, can say whether they were cut.
            var truncated = await WriteTimeLogsAsync(workbook.AddSheet("Time logs", [18, 30, 18, 18, 18, 28, 18, 18], freezeHeader: true, tab: 2), timeLogs, cancellationToken);
            WriteReps(workbook.AddSheet("Reps", [30, .. Enumerable.Repeat(16d, 14)], freezeHeader: true, tab: 1), result);
            WriteSummary(workbook.AddSheet("Summary", [28, 14, 14, 14, 14, 14, 14, 80, 60], tab: 0), organization, result, team, savedThreshold, truncated);
            workbook.Finish();
        }, cancellationToken);
    }

    private static void WriteSummary(XlsxWriter.SheetWriter sheet, string organization, AnalysisResult result, string? team, decimal? savedThreshold, bool truncated)
    {
        sheet.Row(1).Text($"{organization}: workload analysis {result.From} – {result.To} ({result.Weeks} weeks)", style: XlsxWriter.SheetWriter.TitleStyle);
        sheet.Row(3);
        Pair(sheet, "80/20 threshold", result.Threshold, "0%");
        if (savedThreshold is { } saved && saved != result.Threshold)
        {
            sheet.NextRow().Text(
                $"What-if: figures at an 80/20 line of {Shares.PercentTenths(result.Threshold)}; the organisation's setting is {Shares.PercentTenths(saved)}.");
        }
        Pair(sheet.NextRow(), "Standard weekly hours", result.StandardWeeklyHours, "0.##");
        Pair(sheet.NextRow(), "Hours logged", result.TotalHours, "#,##0.##");
        Pair(sheet.NextRow(), "Selling share", result.SellingShare, "0.0%");
        Pair(sheet.NextRow(), "Reps analysed", result.Reps.Count, "0");
        if (truncated)
        {
            sheet.NextRow().Text($"The 'Time logs' sheet stops at {MaxTimeLogRows:N0} rows, Excel's limit; export the time logs as CSV for all of them.");
        }

        sheet.Row(sheet.RowNumber + 2).Header("Workload", "Hours", "Share");
        foreach (var workload in result.Workloads)
        {
            sheet.NextRow().Text(Labels.Of(workload.Workload)).Number(workload.Hours, "#,##0.##").Number(workload.Share, "0.0%");
        }
        sheet.NextRow().Text("Non-selling").Number(result.NonSelling.Hours, "#,##0.##").Number(result.NonSelling.Share, "0.0%");

        // Words and names for people; the emails in a column of their own, for whoever matches them to a system.
        var names = result.Reps.ToDictionary(r => r.Email, r => r.Name, StringComparer.OrdinalIgnoreCase);
        sheet.Row(sheet.RowNumber + 2).Header("Recommendation", "Workload", "Share", "Hours a week", "FTE", "Headcount", "Candidates", "Candidates' emails", "Other seats", "Rationale", "Source");
        foreach (var recommendation in result.Recommendations)
        {
            sheet.NextRow()
                .Text(RecommendationText.Title(recommendation))
                .Text(recommendation.Workload is { } w ? Labels.Of(w) : "")
                .Number(recommendation.Share, "0.0%")
                .Number(recommendation.WeeklyHours, "#,##0.#")
                .Number(recommendation.FteEquivalent, "0.0")
                .Number(recommendation.SuggestedHeadcount, "0")
                .Text(string.Join(", ", (recommendation.Candidates ?? []).Select(e => names.GetValueOrDefault(e, e))))
                .Text(string.Join(", ", recommendation.Candidates ?? []))
                .Text(RecommendationText.OtherSeats(recommendation) ?? "")
                .Text(RecommendationText.OrganizationWide(recommendation, team) is { } wide ? $"{recommendation.Rationale} {wide}" : recommendation.Rationale)
                .Text(SourceArticles.Describe(recommendation.Source));
        }
    }

    private static void WriteReps(XlsxWriter.SheetWriter sheet, AnalysisResult result)
    {
        sheet.Row(1).Header("Email", "Name", "Team", "Role", "Core workload", "Hours",
            "Inbound qualification", "Outbound prospecting", "Closing", "Post-sales", "Non-selling",
            "Core share", "Non-core share", "Non-selling share", "Focus");
        foreach (var rep in result.Reps)
        {
            sheet.NextRow()
                .Text(rep.Email).Text(rep.Name).Text(rep.Team ?? "").Text(rep.Role).Text(Labels.Of(rep.CoreWorkload))
                .Number(rep.Hours, "#,##0.##");
            foreach (var function in Enum.GetValues<SalesFunction>())
            {
                sheet.Number(rep.HoursByFunction.GetValueOrDefault(function), "#,##0.##");
            }
            sheet.Number(rep.CoreShare, "0.0%").Number(rep.NonCoreShare, "0.0%").Number(rep.NonSellingShare, "0.0%").Text(Labels.Of(rep.Focus));
        }
    }

    private static async Task<bool> WriteTimeLogsAsync(XlsxWriter.SheetWriter sheet, IAsyncEnumerable<TimeLogCsvRecord> timeLogs, CancellationToken cancellationToken)
    {
        sheet.Row(1).Header([.. TimeLogCsvReader.Columns]);
        await foreach (var log in timeLogs.WithCancellation(cancellationToken))
        {
            if (sheet.RowNumber > MaxTimeLogRows)
            {
                return true;
            }
            sheet.NextRow()
                .Text(log.Week.ToString()).Text(log.Email).Text(log.Name).Text(log.Team ?? "").Text(log.Role)
                .Text(log.Activity).Text(Labels.Of(log.Function)).Number(log.Hours, "0.####");
        }
        return false;
    }

    private static void Pair(XlsxWriter.SheetWriter sheet, string label, decimal value, string format) => sheet.Text(label).Number(value, format);
}
