using System.Diagnostics.Metrics;

namespace SalesSpec.Web.Features.Telemetry;

/// <summary>
/// SalesSpec's own metrics (meter <see cref="MeterName"/>): open circuits, imports running and the analysis
/// cache's hits and misses. Readable without a collector (<c>dotnet-counters monitor --counters SalesSpec</c>) and
/// exported over OTLP when <c>OpenTelemetry:Endpoint</c> is set (docs/operations.md, "Watching it run").
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "SalesSpec";

    private readonly Counter<long> _cacheLookups;
    private int _circuits;
    private int _connectedCircuits;
    private int _imports;

    public AppMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        // Gauges, not counters: an operator wants "how many now", which a gauge reads the same in every tool.
        meter.CreateObservableGauge("salesspec.circuits.active", () => Volatile.Read(ref _circuits), "{circuit}",
            "Blazor circuits this instance holds (open pages, and closed ones kept for a reconnect)");
        meter.CreateObservableGauge("salesspec.circuits.connected", () => Volatile.Read(ref _connectedCircuits), "{circuit}",
            "Circuits with a live connection to a browser");
        meter.CreateObservableGauge("salesspec.imports.active", () => Volatile.Read(ref _imports), "{import}",
            "Time-log and CRM imports running on this instance");
        _cacheLookups = meter.CreateCounter<long>("salesspec.analysis.cache.lookups", "{lookup}",
            "Analyses asked of the cache; result=hit was served from it, result=miss was computed");
    }

    public int ActiveCircuits => Volatile.Read(ref _circuits);

    public int ConnectedCircuits => Volatile.Read(ref _connectedCircuits);

    public int ActiveImports => Volatile.Read(ref _imports);

    public void CircuitOpened() => Interlocked.Increment(ref _circuits);

    public void CircuitClosed() => Interlocked.Decrement(ref _circuits);

    public void CircuitConnected() => Interlocked.Increment(ref _connectedCircuits);

    public void CircuitDisconnected() => Interlocked.Decrement(ref _connectedCircuits);

    /// <summary>Counts an import as running until the returned scope is disposed.</summary>
    public IDisposable ImportRunning()
    {
        Interlocked.Increment(ref _imports);
        return new Running(this);
    }

    public void CacheLookup(bool hit) => _cacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    private sealed class Running(AppMetrics metrics) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref metrics._imports);
            }
        }
    }
}
