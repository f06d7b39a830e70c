using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SalesSpec.Web.Features.Telemetry;

namespace SalesSpec.Web.Setup;

/// <summary>
/// Metrics always (they cost nothing until something listens); OpenTelemetry traces and metrics of ASP.NET Core,
/// HttpClient, Npgsql and SalesSpec exported over OTLP only when <c>OpenTelemetry:Endpoint</c> is set.
/// </summary>
public static class TelemetrySetup
{
    public static IServiceCollection AddSalesSpecTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<AppMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitMetricsHandler>());

        var endpoint = configuration["OpenTelemetry:Endpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"OpenTelemetry:Endpoint '{endpoint}' is not an address such as http://collector:4317.");
        }
        var protocol = configuration["OpenTelemetry:Protocol"] switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"OpenTelemetry:Protocol '{other}' is not grpc or http/protobuf."),
        };
        var interval = TimeSpan.FromSeconds(configuration.GetValue("OpenTelemetry:MetricsIntervalSeconds", 60));
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                configuration.GetValue("OpenTelemetry:ServiceName", "salesspec")!,
                serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Npgsql", AppMetrics.MeterName, "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Server.Circuits")
                .AddOtlpExporter((exporter, reader) =>
                {
                    Configure(exporter, address, protocol, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)interval.TotalMilliseconds;
                }))
            .WithTracing(tracing => tracing.AddOtlpExporter(options => Configure(options, address, protocol, "v1/traces")));
        return services;
    }

    // Over http/protobuf each signal has its own path under the collector's address; gRPC takes the address as is.
    private static void Configure(OtlpExporterOptions options, Uri address, OtlpExportProtocol protocol, string path)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(address, path) : address;
    }
}
