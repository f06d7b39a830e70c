using System.Globalization;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Analysis;

/// <summary>
/// A published figure shown beside the organisation's own: what it is, the published value, the organisation's
/// value when it has one, and where the figure comes from (always shown with it).
/// </summary>
public sealed record ReferenceFigure(string Key, string Label, string Published, string? Ours, string Source);

/// <summary>
/// The published rules of thumb people compare their organisation with. They are context, never input: the analyzer
/// does not use them, and an organisation can hide them (<see cref="Organization.ShowsReferenceFigures"/>).
/// </summary>
public static class ReferenceFigures
{
    /// <summary>About 2.5 Account Executives per SDR (TOPO, 2015).</summary>
    public const decimal AesPerSdr = 2.5m;

    /// <summary>A couple of hundred inbound leads a month justify an inside Market Response Rep (the client's article 003).</summary>
    public const int MarketResponseLeadsPerMonth = 200;

    /// <summary>Months until a new hire works at full capacity (Bridge Group).</summary>
    public const int AeRampMonths = 5;

    public const int SdrRampMonths = 3;

    public const string TopoSource = "TOPO, 2015";
    public const string BridgeGroupSource = "The Bridge Group, SDR and AE metrics reports";
    public const string HbrSource = "Harvard Business Review, “The Short Life of Online Sales Leads”, 2011";

    /// <summary>Reps whose core job is finding or qualifying pipeline (inbound or outbound): the SDR side of the ratio.</summary>
    public static bool IsSdr(Workload core) => core is Workload.InboundQualification or Workload.OutboundProspecting or Workload.DemandGeneration;

    /// <summary>SDRs against closers (AEs) among the reps an analysis counts (active, analysed, with hours), as "1 : 2.5".</summary>
    public static ReferenceFigure SdrToAe(IEnumerable<RepFigures> reps)
    {
        ArgumentNullException.ThrowIfNull(reps);
        var included = reps.ToList();
        var sdrs = included.Count(r => IsSdr(r.CoreWorkload));
        var aes = included.Count(r => r.CoreWorkload == Workload.Closing);
        var ours = sdrs == 0
            ? aes == 0 ? null : $"no SDRs for {Plural(aes, "AE", "AEs")}"
            : string.Create(CultureInfo.InvariantCulture, $"1 : {(decimal)aes / sdrs:0.#} ({Plural(sdrs, "SDR", "SDRs")}, {Plural(aes, "AE", "AEs")})");
        return new ReferenceFigure("sdr-ae", "SDRs to AEs", string.Create(CultureInfo.InvariantCulture, $"about 1 : {AesPerSdr:0.#}"), ours, TopoSource);
    }

    /// <summary>Inbound leads a month against the couple of hundred that justify a Market Response Rep.</summary>
    public static ReferenceFigure InboundLeads(decimal? perMonth) => new(
        "inbound-leads",
        "Inbound leads a month",
        string.Create(CultureInfo.InvariantCulture, $"a couple of hundred ({MarketResponseLeadsPerMonth}) justify a Market Response Rep"),
        perMonth is { } leads ? leads.ToString("#,0", CultureInfo.InvariantCulture) : null,
        SourceArticles.Get("003").Citation);

    /// <summary>How long new AEs and SDRs take to ramp, beside the scenario's own ramp settings.</summary>
    public static ReferenceFigure Ramp(int? aeMonths = null, int? sdrMonths = null) => new(
        "ramp",
        "Ramp of a new hire",
        $"AE about {AeRampMonths} months, SDR about {SdrRampMonths}",
        aeMonths is null && sdrMonths is null ? null
            : string.Join(", ", new[] { aeMonths is { } ae ? $"AE {Plural(ae, "month", "months")}" : null, sdrMonths is { } sdr ? $"SDR {Plural(sdr, "month", "months")}" : null }.OfType<string>()),
        BridgeGroupSource);

    /// <summary>The value of answering an inbound lead fast, beside the Market Response Rep recommendation.</summary>
    public static ReferenceFigure AnswerWithinTheHour { get; } = new(
        "first-hour",
        "Answering an inbound lead within the hour",
        "makes qualifying it about 7× more likely than waiting longer",
        null,
        HbrSource);

    /// <summary>The figures that go beside an analysis: the SDR:AE ratio and the inbound leads a month.</summary>
    public static IReadOnlyList<ReferenceFigure> ForAnalysis(AnalysisInput input, AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        return [SdrToAe(result.Reps), InboundLeads(WorkloadAnalyzer.AverageMonthlyInboundLeads(input))];
    }

    /// <summary>Whether a recommendation is about answering inbound leads: the Market Response Rep, or breaking out inbound qualification.</summary>
    public static bool IsAboutInbound(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        return recommendation.Kind == RecommendationKind.AddMarketResponseRep
            || (recommendation.Kind is RecommendationKind.SplitOutRole or RecommendationKind.AddSpecialistCapacity && recommendation.Workload == Workload.InboundQualification);
    }

    private static string Plural(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
