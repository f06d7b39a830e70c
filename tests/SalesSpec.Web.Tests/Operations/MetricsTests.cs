using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Features.Telemetry;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Operations;

/// <summary>SalesSpec's own metrics, as an operator's dotnet-counters or OpenTelemetry collector reads them.</summary>
public sealed class MetricsTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    [Fact]
    public async Task The_analysis_cache_counts_a_computed_analysis_as_a_miss_and_a_served_one_as_a_hit()
    {
        await using var app = new AppFactory();
        // Signing in lands on the dashboard, which analyses the default period: the periods below are others.
        using var leader = await app.SignedInAsync("leader@demo.salesspec");
        var lookups = new ConcurrentQueue<string>();
        using var listener = new MeterListener();
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        // Only this app's meter: other tests' apps run in the same process.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "salesspec.analysis.cache.lookups")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "result")
                {
                    lookups.Enqueue($"{tag.Value} {value}");
                }
            }
        });
        listener.Start();

        foreach (var period in new[] { "from=2026-W30&to=2026-W46", "from=2026-W30&to=2026-W46", "from=2026-W31&to=2026-W46" })
        {
            using var response = await leader.GetAsync(new Uri($"/api/v1/organizations/1/analysis?{period}", UriKind.Relative), TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        lookups.ToList().ShouldBe(["miss 1", "hit 1", "miss 1"]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_import_counts_as_active_while_it_runs_and_not_after(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var consultant = await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        using var meters = new MeterFactory();
        var metrics = new AppMetrics(meters);
        var imports = new TimeLogImportService(database.Access, Clock, NullLogger<TimeLogImportService>.Instance,
            Microsoft.Extensions.Options.Options.Create(new ImportOptions()), metrics);
        var during = new List<int>();
        var gauge = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "salesspec.imports.active")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => gauge.Add(value));
        listener.Start();

        await using var file = new MemoryStream(Encoding.UTF8.GetBytes("week,rep_email,activity,hours\n2026-W47,ana.ruiz@northwind.test,Demos,10\n"));
        var report = await imports.ImportAsync(consultant, file, dryRun: false, "one.csv",
            progress: new SynchronousProgress<double>(_ =>
            {
                during.Add(metrics.ActiveImports);
                listener.RecordObservableInstruments();
            }));

        report.Imported.ShouldBeTrue(string.Join("; ", report.Errors.Select(e => e.Message)));
        during.ShouldNotBeEmpty();
        during.ShouldAllBe(count => count == 1);
        gauge.ShouldNotBeEmpty();
        gauge.ShouldAllBe(count => count == 1);
        metrics.ActiveImports.ShouldBe(0);
        listener.RecordObservableInstruments();
        gauge[^1].ShouldBe(0);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_set_traces_and_metrics_reach_the_collector()
    {
        using var collector = new HttpListener();
        var port = FreePort();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentDictionary<string, int>();
        var listening = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                var context = await collector.GetContextAsync();
                received.AddOrUpdate(context.Request.Url!.AbsolutePath, 1, (_, n) => n + 1);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }, TestContext.Current.CancellationToken);
        await using var app = new AppFactory(settings: new Dictionary<string, string>
        {
            ["OpenTelemetry:Endpoint"] = $"http://127.0.0.1:{port}/",
            ["OpenTelemetry:Protocol"] = "http/protobuf",
            ["OpenTelemetry:MetricsIntervalSeconds"] = "1",
        });

        using var leader = await app.SignedInAsync("leader@demo.salesspec");
        using var response = await leader.GetAsync(new Uri("/api/v1/organizations/1/analysis", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(received.ContainsKey("/v1/traces") && received.ContainsKey("/v1/metrics")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        received.Keys.Order().ShouldBe(["/v1/metrics", "/v1/traces"]);
        collector.Stop();
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_nothing_is_exported_and_a_bad_one_stops_start_up()
    {
        await using var plain = new AppFactory();
        plain.Services.GetService<OpenTelemetry.Trace.TracerProvider>().ShouldBeNull();

        await using var wrong = new AppFactory(settings: new Dictionary<string, string> { ["OpenTelemetry:Endpoint"] = "collector:4317" });
        Should.Throw<InvalidOperationException>(() => wrong.Services)
            .Message.ShouldBe("OpenTelemetry:Endpoint 'collector:4317' is not an address such as http://collector:4317.");
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    // Progress<T> would report on the thread pool, after the import may have ended.
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class MeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
