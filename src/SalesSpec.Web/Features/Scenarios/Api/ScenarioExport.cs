using System.Text;
using CsvHelper;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Formats.Spreadsheets;
using SalesSpec.Web.Components.Shared;
using SalesSpec.Web.Features.Scenarios.Services;

namespace SalesSpec.Web.Features.Scenarios.Api;

/// <summary>
/// A scenario to take away (docs/scenarios.md): the CSV has one line per person of the scenario; the
/// workbook adds the figures against today, capacity month by month, and the hand-offs. Text that a
/// spreadsheet would run as a formula is neutralised, as in every other export.
/// </summary>
public static class ScenarioExport
{
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "email", "name", "team", "current_role", "scenario_role", "change", "start_month", "focus", "non_core_share",
        "inbound_qualification_hours", "outbound_prospecting_hours", "closing_hours", "post_sales_hours", "non_selling_hours",
    ];

    private static readonly SalesFunction[] Functions =
        [SalesFunction.InboundQualification, SalesFunction.OutboundProspecting, SalesFunction.Closing, SalesFunction.PostSales, SalesFunction.NonSelling];

    public static async Task WriteCsvAsync(ScenarioWorkspace workspace, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(output);
        // A line per person is small enough to build in memory; CsvHelper flushes synchronously, which a response body refuses.
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\r\n", Injection = CsvInjection.None }, leaveOpen: true))
        {
            csv.WriteHeader([.. CsvColumns]);
            var draft = workspace.Usable(workspace.Draft);
            foreach (var line in Lines(workspace, draft, workspace.Evaluate(draft)))
            {
                csv.WriteRecord(Csv(line));
            }
            csv.Flush();
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    public static async Task WriteWorkbookAsync(ScenarioWorkspace workspace, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(output);
        var draft = workspace.Usable(workspace.Draft);
        var outcome = workspace.Evaluate(draft);
        var today = workspace.TodayOutcome();
        await XlsxWriter.SpoolAsync(output, file =>
        {
            using var workbook = new XlsxWriter(file);
            WriteSummary(workbook.AddSheet("Summary", [34, .. Enumerable.Repeat(14d, 8)]), workspace, outcome, today);
            // Fixed widths: measuring text needs a font library that servers do not have.
            var people = workbook.AddSheet("People", [.. Enumerable.Repeat(18d, CsvColumns.Count)], freezeHeader: true);
            people.Row(1).Header([.. CsvColumns]);
            foreach (var line in Lines(workspace, draft, outcome))
            {
                people.NextRow();
                foreach (var text in new[] { line.Email, line.Name, line.Team, line.CurrentRole, line.Role, line.Change, line.StartMonth, line.Focus })
                {
                    people.Text(text);
                }
                people.Number(line.Person?.NonCoreShare, "0.0%");
                foreach (var function in Functions)
                {
                    people.Number(line.Person?.WeeklyHours.GetValueOrDefault(function), "0.##");
                }
            }
            WriteCapacity(workbook.AddSheet("Capacity by month", [24, .. Enumerable.Repeat(11d, outcome.Months.Count + 1)]), draft, outcome);
            WriteHandOffs(workbook.AddSheet("Hand-offs", [24, 24, 40]), workspace);
            workbook.Finish();
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>One person of the scenario; <see cref="Person"/> is null for a rep moved out of the analysed roles.</summary>
    private sealed record Line(string Email, string Name, string Team, string CurrentRole, string Role, string Change, string StartMonth, PersonOutlook? Person)
    {
        public string Focus => Person is null ? "not analysed" : Person.Focus.ToString();
    }

    /// <summary>One line per person: reps in their scenario role (and those who leave the analysed roles), then the new people.</summary>
    private static IEnumerable<Line> Lines(ScenarioWorkspace workspace, ScenarioDraft draft, ScenarioOutcome outcome)
    {
        var people = outcome.People.ToDictionary(p => p.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var rep in workspace.Baseline.Reps.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase))
        {
            var role = draft.Roles.GetValueOrDefault(rep.Email) ?? rep.CurrentRole;
            var moved = !string.Equals(role, rep.CurrentRole, StringComparison.OrdinalIgnoreCase);
            yield return new Line(rep.Email, rep.Name, rep.Team ?? "", rep.CurrentRole, role, moved ? "moves" : "stays", "", people.GetValueOrDefault(rep.Email));
        }
        var number = 0;
        foreach (var hire in draft.Hires)
        {
            var month = draft.StartMonth.AddMonths(hire.StartMonth).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            for (var i = 0; i < hire.Count; i++)
            {
                var person = people.GetValueOrDefault(ScenarioModel.HireKey(++number));
                yield return new Line("", person?.Name ?? $"New {hire.Role}", "", "", hire.Role, hire.Internal ? "internal promotion" : "external hire", month, person);
            }
        }
    }

    private static string[] Csv(Line line) =>
    [
        SpreadsheetText.Neutralise(line.Email),
        SpreadsheetText.Neutralise(line.Name),
        SpreadsheetText.Neutralise(line.Team),
        SpreadsheetText.Neutralise(line.CurrentRole),
        SpreadsheetText.Neutralise(line.Role),
        line.Change,
        line.StartMonth,
        line.Focus,
        line.Person?.NonCoreShare.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
        .. Functions.Select(f => line.Person?.WeeklyHours.GetValueOrDefault(f).ToString("0.##", CultureInfo.InvariantCulture) ?? ""),
    ];

    private static void WriteSummary(XlsxWriter.SheetWriter sheet, ScenarioWorkspace workspace, ScenarioOutcome outcome, ScenarioOutcome today)
    {
        var draft = workspace.Draft;
        sheet.Row(1).Text($"{workspace.OrganizationName}: {draft.Name}", style: XlsxWriter.SheetWriter.TitleStyle);
        sheet.Row(2).Text($"From the analysis of {workspace.Today.From} – {workspace.Today.To}; plan from {ScenarioText.Month(draft.StartMonth, 0)}. Figures once every hire has ramped.");
        if (draft.Notes.Length > 0)
        {
            sheet.Row(3).Text(draft.Notes);
        }
        sheet.Row(5).Header("Figure", "Today", "Scenario");
        Row(sheet, "Annual cost", today.AnnualCost, outcome.AnnualCost, "#,##0");
        Row(sheet, "People Focused", today.FocusedShare, outcome.FocusedShare, "0%");
        Row(sheet, "Rules firing", today.RulesStillFiring.Count, outcome.RulesStillFiring.Count, "0");
        Row(sheet, "Reps moved", null, outcome.Staffing.Moves, "0");
        Row(sheet, "Internal promotions", null, outcome.Staffing.InternalHires, "0");
        Row(sheet, "External hires", null, outcome.Staffing.ExternalHires, "0");
        Row(sheet, "Grown internally (guideline 2/3)", null, outcome.Staffing.InternalShare, "0%");

        sheet.Row(sheet.RowNumber + 2).Header("Workload", "Demand h/week", "Capacity today", "Gap today", "Capacity", "Gap", "Gap (FTE)", "Specialists", "Focused");
        foreach (var workload in outcome.Workloads)
        {
            var before = today.Workloads.First(w => w.Workload == workload.Workload);
            sheet.NextRow()
                .Text(Labels.Of(workload.Workload))
                .Number(workload.Demand, "0.#")
                .Number(before.Capacity, "0.#")
                .Number(before.Gap, "0.#")
                .Number(workload.Capacity, "0.#")
                .Number(workload.Gap, "0.#")
                .Number(workload.GapFte, "0.0")
                .Number(workload.People, "0")
                .Number(workload.Focused, "0");
        }

        sheet.Row(sheet.RowNumber + 2).Header("Cost of one hour", "Today", "Scenario");
        foreach (var function in Templates.SellingFunctions)
        {
            Row(sheet, Labels.Of(function), today.CostPerHour.GetValueOrDefault(function), outcome.CostPerHour.GetValueOrDefault(function), "#,##0.00");
        }

        sheet.Row(sheet.RowNumber + 2).Header("Rule still firing", "Rationale", "Source");
        foreach (var recommendation in outcome.RulesStillFiring)
        {
            sheet.NextRow().Text(RecommendationText.Title(recommendation)).Text(recommendation.Rationale).Text(SourceArticles.Describe(recommendation.Source));
        }
    }

    private static void WriteCapacity(XlsxWriter.SheetWriter sheet, ScenarioDraft draft, ScenarioOutcome outcome)
    {
        sheet.Row(1).Header(["Workload", .. outcome.Months.Select(m => ScenarioText.Month(draft.StartMonth, m.Month)), "Demand"]);
        foreach (var workload in outcome.Workloads)
        {
            sheet.NextRow().Text(Labels.Of(workload.Workload));
            foreach (var month in outcome.Months)
            {
                sheet.Number(month.Capacity.GetValueOrDefault(workload.Workload), "0.#", column: month.Month + 2);
            }
            sheet.Number(workload.Demand, "0.#", column: outcome.Months.Count + 2);
        }
    }

    private static void WriteHandOffs(XlsxWriter.SheetWriter sheet, ScenarioWorkspace workspace)
    {
        sheet.Row(1).Header("From", "To", "Hand-off point");
        foreach (var edge in workspace.HandOffs)
        {
            sheet.NextRow()
                .Text(edge.From is { } from ? Labels.Of(from) : "Leads")
                .Text(Labels.Of(edge.To))
                .Text(workspace.Draft.HandOffs.GetValueOrDefault(edge.Key) ?? edge.DefaultLabel);
        }
        sheet.Row(sheet.RowNumber + 2).Text("Account Executives stay engaged past the close until the customer is deployed (" + SourceArticles.CiteShort("001", "003") + ").");
    }

    private static void Row(XlsxWriter.SheetWriter sheet, string label, decimal? today, decimal? scenario, string format) =>
        sheet.NextRow().Text(label).Number(today, format).Number(scenario, format);
}
