using System.Buffers;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using SalesSpec.Domain.Analysis;
using SalesSpec.Web.Setup;

namespace SalesSpec.Web.Features.Analysis;

/// <summary>
/// An analysis as the cache keeps it: the summed input (per-rep totals, not time logs) and the result at the
/// organisation's threshold. Immutable, so the in-memory cache hands every circuit the same instance instead of
/// a copy; the what-if slider re-runs the analyzer on <see cref="Input"/>.
/// </summary>
[ImmutableObject(true)]
public sealed record AnalysisSnapshot(AnalysisInput Input, AnalysisResult Result)
{
    private IReadOnlyDictionary<string, string>? _repNames;

    /// <summary>
    /// Each rep's name by email, built once per cached instance and shared by every circuit showing it (a
    /// dictionary per circuit is 10,000 entries a tab at the brief's size). A race builds it twice, harmlessly.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, string> RepNames => _repNames ??= Input.Reps.ToDictionary(r => r.Email, r => r.Name, StringComparer.Ordinal);

    /// <summary>The most 80/20 lines kept per analysis; the slider has 41 positions.</summary>
    public const int MaxWhatIfs = 64;

    private readonly ConcurrentDictionary<decimal, AnalysisResult> _whatIfs = new();

    /// <summary>
    /// The analysis at another 80/20 line (<see cref="WorkloadAnalyzer.AtThreshold"/>), kept on this shared instance so
    /// every circuit moving the slider to that line gets the same result. Kept here rather than as an entry of its own
    /// in the cache, which serialises every entry it stores (to size it) — several times the cost of the run itself
    /// at 10,000 reps. Another app instance works the line out again (about 10 ms).
    /// </summary>
    public AnalysisResult AtThreshold(decimal threshold) =>
        threshold == Input.Threshold ? Result
        : _whatIfs.TryGetValue(threshold, out var kept) ? kept
        : _whatIfs.Count < MaxWhatIfs ? _whatIfs.GetOrAdd(threshold, line => WorkloadAnalyzer.AtThreshold(Result, Input with { Threshold = line }))
        : WorkloadAnalyzer.AtThreshold(Result, Input with { Threshold = threshold });
}

/// <summary>The snapshot as JSON for the shared (Redis) level of the cache.</summary>
public sealed class AnalysisSnapshotSerializer : IHybridCacheSerializer<AnalysisSnapshot>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { Converters = { new IsoWeekJsonConverter() } };

    public AnalysisSnapshot Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize<AnalysisSnapshot>(ref reader, Options) ?? throw new JsonException("An empty analysis in the cache.");
    }

    public void Serialize(AnalysisSnapshot value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, Options);
    }
}
