using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SalesSpec.Web.Features.Telemetry;

/// <summary>Keeps <see cref="AppMetrics"/>' circuit gauges: one handler per circuit, told of its life by Blazor.</summary>
public sealed class CircuitMetricsHandler(AppMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitConnected();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitDisconnected();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
