using System.Text.Json.Serialization;

namespace SalesSpec.Formats.AnalysisJson;

// The analysis JSON of formats.md §3: camelCase, enums as strings, shares as fractions, dates ISO-8601.
// A public contract: add fields, never rename or remove them.

public sealed record AnalysisDocument(
    string From,
    string To,
    int Weeks,
    string Template,
    double Threshold,
    double StandardWeeklyHours,
    double TotalHours,
    double SellingShare,
    IReadOnlyList<WorkloadDocument> Workloads,
    HoursShareDocument NonSelling,
    IReadOnlyList<RepDocument> Reps,
    IReadOnlyList<RecommendationDocument> Recommendations,
    IReadOnlyList<MissingTimesheetDocument> MissingTimesheets,
    IReadOnlyList<WeekDocument> Weekly);

public sealed record WorkloadDocument(string Workload, IReadOnlyList<string> Functions, double Hours, double Share);

public sealed record HoursShareDocument(double Hours, double Share);

public sealed record WeekDocument(string Week, double TotalHours, IReadOnlyList<WorkloadDocument> Workloads, HoursShareDocument NonSelling);

public sealed record RepDocument(
    string Email,
    string Name,
    string? Team,
    string Role,
    string CoreWorkload,
    double Hours,
    double CoreShare,
    double NonCoreShare,
    double NonSellingShare,
    string Focus,
    IReadOnlyDictionary<string, double> HoursByFunction);

public sealed record RecommendationDocument(
    string Kind,
    string? Workload,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Share,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? WeeklyHours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? FteEquivalent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SuggestedHeadcount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Candidates,
    bool Advisory,
    string Rationale,
    string Source);

public sealed record MissingTimesheetDocument(string Email, IReadOnlyList<string> Weeks);
