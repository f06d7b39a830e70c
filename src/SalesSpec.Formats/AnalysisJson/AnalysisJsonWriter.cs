using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SalesSpec.Domain.Analysis;

namespace SalesSpec.Formats.AnalysisJson;

/// <summary>Turns an analysis into the JSON of formats.md §3 — the one mapping used by the API and the command line.</summary>
public static class AnalysisJsonWriter
{
    // Relaxed escaping keeps apostrophes and dashes readable in rationales; the output is JSON, not HTML.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static AnalysisDocument ToDocument(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new AnalysisDocument(
            Date(result.From.Monday),
            Date(result.To.Sunday),
            result.Weeks,
            result.Template.ToString(),
            D(result.Threshold),
            D(result.StandardWeeklyHours),
            D(result.TotalHours),
            D(result.SellingShare),
            result.Workloads.Select(Workload).ToList(),
            new HoursShareDocument(D(result.NonSelling.Hours), D(result.NonSelling.Share)),
            result.Reps.Select(r => new RepDocument(
                r.Email,
                r.Name,
                r.Team,
                r.Role,
                r.CoreWorkload.ToString(),
                D(r.Hours),
                D(r.CoreShare),
                D(r.NonCoreShare),
                D(r.NonSellingShare),
                r.Focus.ToString(),
                r.HoursByFunction.OrderBy(kv => kv.Key).ToDictionary(kv => kv.Key.ToString(), kv => D(kv.Value)))).ToList(),
            result.Recommendations.Select(r => new RecommendationDocument(
                r.Kind.ToString(),
                r.Workload?.ToString(),
                r.Share is { } share ? D(share) : null,
                r.WeeklyHours is { } weekly ? D(weekly) : null,
                r.FteEquivalent is { } fte ? D(fte) : null,
                r.SuggestedHeadcount,
                r.Candidates,
                r.Advisory,
                r.Rationale,
                r.Source)).ToList(),
            result.MissingTimesheets.Select(m => new MissingTimesheetDocument(m.Email, m.Weeks.Select(w => w.ToString()).ToList())).ToList(),
            result.Weekly.Select(w => new WeekDocument(
                w.Week.ToString(),
                D(w.TotalHours),
                w.Workloads.Select(Workload).ToList(),
                new HoursShareDocument(D(w.NonSelling.Hours), D(w.NonSelling.Share)))).ToList());
    }

    public static string Serialize(AnalysisResult result) => JsonSerializer.Serialize(ToDocument(result), Options);

    private static WorkloadDocument Workload(WorkloadFigure figure) =>
        new(figure.Workload.ToString(), figure.Functions.Select(f => f.ToString()).ToList(), D(figure.Hours), D(figure.Share));

    // Decimal keeps the arithmetic exact; JSON numbers are doubles for every reader.
    private static double D(decimal value) => (double)value;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
