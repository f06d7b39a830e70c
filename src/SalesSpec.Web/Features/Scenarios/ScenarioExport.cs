using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Formats.Spreadsheets;
using SalesSpec.Web.Features.Dashboard;
using SalesSpec.Web.Features.Imports;

namespace SalesSpec.Web.Features.Scenarios;

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
        using var workbook = new XLWorkbook();
        WriteSummary(workbook.Worksheets.Add("Summary"), workspace, outcome, today);
        var people = workbook.Worksheets.Add("People");
        WorkbookExport.Header(people, 1, [.. CsvColumns]);
        var row = 2;
        foreach (var line in Lines(workspace, draft, outcome))
        {
            string[] text = [line.Email, line.Name, line.Team, line.CurrentRole, line.Role, line.Change, line.StartMonth, line.Focus];
            for (var column = 0; column < text.Length; column++)
            {
                WorkbookExport.Text(people.Cell(row, column + 1), text[column]);
            }
            WorkbookExport.Number(people.Cell(row, text.Length + 1), line.Person?.NonCoreShare, "0.0%");
            for (var i = 0; i < Functions.Length; i++)
            {
                WorkbookExport.Number(people.Cell(row, text.Length + 2 + i), line.Person?.WeeklyHours.GetValueOrDefault(Functions[i]), "0.##");
            }
            row++;
        }
        // Fixed widths: measuring text needs a font library that servers do not have.
        people.Columns(1, CsvColumns.Count).Width = 18;
        people.SheetView.FreezeRows(1);
        WriteCapacity(workbook.Worksheets.Add("Capacity by month"), draft, outcome);
        WriteHandOffs(workbook.Worksheets.Add("Hand-offs"), workspace);

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
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

    private static void WriteSummary(IXLWorksheet sheet, ScenarioWorkspace workspace, ScenarioOutcome outcome, ScenarioOutcome today)
    {
        var draft = workspace.Draft;
        WorkbookExport.Text(sheet.Cell(1, 1), $"{workspace.OrganizationName}: {draft.Name}");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        WorkbookExport.Text(sheet.Cell(2, 1), $"From the analysis of {workspace.Today.From} – {workspace.Today.To}; plan from {ScenarioText.Month(draft.StartMonth, 0)}. Figures once every hire has ramped.");
        if (draft.Notes.Length > 0)
        {
            WorkbookExport.Text(sheet.Cell(3, 1), draft.Notes);
        }
        var row = 5;
        WorkbookExport.Header(sheet, row++, "Figure", "Today", "Scenario");
        Row(sheet, row++, "Annual cost", today.AnnualCost, outcome.AnnualCost, "#,##0");
        Row(sheet, row++, "People Focused", today.FocusedShare, outcome.FocusedShare, "0%");
        Row(sheet, row++, "Rules firing", today.RulesStillFiring.Count, outcome.RulesStillFiring.Count, "0");
        Row(sheet, row++, "Reps moved", null, outcome.Staffing.Moves, "0");
        Row(sheet, row++, "Internal promotions", null, outcome.Staffing.InternalHires, "0");
        Row(sheet, row++, "External hires", null, outcome.Staffing.ExternalHires, "0");
        Row(sheet, row++, "Grown internally (guideline 2/3)", null, outcome.Staffing.InternalShare, "0%");

        row++;
        WorkbookExport.Header(sheet, row++, "Workload", "Demand h/week", "Capacity today", "Gap today", "Capacity", "Gap", "Gap (people)", "Specialists", "Focused");
        foreach (var workload in outcome.Workloads)
        {
            var before = today.Workloads.First(w => w.Workload == workload.Workload);
            WorkbookExport.Text(sheet.Cell(row, 1), Labels.Of(workload.Workload));
            WorkbookExport.Number(sheet.Cell(row, 2), workload.Demand, "0.#");
            WorkbookExport.Number(sheet.Cell(row, 3), before.Capacity, "0.#");
            WorkbookExport.Number(sheet.Cell(row, 4), before.Gap, "0.#");
            WorkbookExport.Number(sheet.Cell(row, 5), workload.Capacity, "0.#");
            WorkbookExport.Number(sheet.Cell(row, 6), workload.Gap, "0.#");
            WorkbookExport.Number(sheet.Cell(row, 7), workload.GapFte, "0.0");
            WorkbookExport.Number(sheet.Cell(row, 8), workload.People, "0");
            WorkbookExport.Number(sheet.Cell(row++, 9), workload.Focused, "0");
        }

        row++;
        WorkbookExport.Header(sheet, row++, "Cost of one hour", "Today", "Scenario");
        foreach (var function in Templates.SellingFunctions)
        {
            Row(sheet, row++, Labels.Of(function), today.CostPerHour.GetValueOrDefault(function), outcome.CostPerHour.GetValueOrDefault(function), "#,##0.00");
        }

        row++;
        WorkbookExport.Header(sheet, row++, "Rule still firing", "Rationale", "Source");
        foreach (var recommendation in outcome.RulesStillFiring)
        {
            WorkbookExport.Text(sheet.Cell(row, 1), RecommendationCard.Title(recommendation));
            WorkbookExport.Text(sheet.Cell(row, 2), recommendation.Rationale);
            WorkbookExport.Text(sheet.Cell(row++, 3), recommendation.Source);
        }
        sheet.Column(1).Width = 34;
        sheet.Columns(2, 9).Width = 14;
    }

    private static void WriteCapacity(IXLWorksheet sheet, ScenarioDraft draft, ScenarioOutcome outcome)
    {
        WorkbookExport.Header(sheet, 1, ["Workload", .. outcome.Months.Select(m => ScenarioText.Month(draft.StartMonth, m.Month)), "Demand"]);
        var row = 2;
        foreach (var workload in outcome.Workloads)
        {
            WorkbookExport.Text(sheet.Cell(row, 1), Labels.Of(workload.Workload));
            foreach (var month in outcome.Months)
            {
                WorkbookExport.Number(sheet.Cell(row, month.Month + 2), month.Capacity.GetValueOrDefault(workload.Workload), "0.#");
            }
            WorkbookExport.Number(sheet.Cell(row++, outcome.Months.Count + 2), workload.Demand, "0.#");
        }
        sheet.Column(1).Width = 24;
        sheet.Columns(2, outcome.Months.Count + 2).Width = 11;
    }

    private static void WriteHandOffs(IXLWorksheet sheet, ScenarioWorkspace workspace)
    {
        WorkbookExport.Header(sheet, 1, "From", "To", "Hand-off point");
        var row = 2;
        foreach (var edge in workspace.HandOffs)
        {
            WorkbookExport.Text(sheet.Cell(row, 1), edge.From is { } from ? Labels.Of(from) : "Leads");
            WorkbookExport.Text(sheet.Cell(row, 2), Labels.Of(edge.To));
            WorkbookExport.Text(sheet.Cell(row++, 3), workspace.Draft.HandOffs.GetValueOrDefault(edge.Key) ?? edge.DefaultLabel);
        }
        WorkbookExport.Text(sheet.Cell(row + 1, 1), "Account Executives stay engaged past the close until the customer is deployed (seeds 001, 003).");
        sheet.Columns(1, 2).Width = 24;
        sheet.Column(3).Width = 40;
    }

    private static void Row(IXLWorksheet sheet, int row, string label, decimal? today, decimal? scenario, string format)
    {
        WorkbookExport.Text(sheet.Cell(row, 1), label);
        WorkbookExport.Number(sheet.Cell(row, 2), today, format);
        WorkbookExport.Number(sheet.Cell(row, 3), scenario, format);
    }
}
