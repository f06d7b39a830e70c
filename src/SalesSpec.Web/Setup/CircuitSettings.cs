using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.SignalR;

namespace SalesSpec.Web.Setup;

/// <summary>
/// How long and how much a Blazor circuit (one open page's live session) may hold, under <c>Circuits:</c>
/// (docs/operations.md, "Circuits"). The defaults are chosen for an office on a load balancer: a laptop that
/// sleeps through a meeting reconnects to its page, and a flood of closed tabs cannot fill the memory.
/// </summary>
public static class CircuitSettings
{
    public const string Section = "Circuits";

    public static void Apply(CircuitOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection(Section);
        // A page whose connection dropped keeps its state this long for a reconnect (ASP.NET's default is 3 minutes,
        // too short for a laptop closed between two meetings). Fractions are allowed (0.5 is 30 seconds).
        options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(section.GetValue("DisconnectedRetentionMinutes", 10.0));
        // At most this many such pages are kept per instance; the oldest goes first (each holds its page's data).
        options.DisconnectedCircuitMaxRetained = section.GetValue("DisconnectedMaxRetained", 500);
        // Render batches a slow connection may leave unacknowledged before the server waits for it.
        options.MaxBufferedUnacknowledgedRenderBatches = section.GetValue("MaxBufferedRenderBatches", 10);
        // A call into the browser (a download, a focus, local storage) that takes longer has failed.
        options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(section.GetValue("JSInteropTimeoutSeconds", 60));
    }

    public static void Apply(HubOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection(Section);
        // Uploads go over HTTP, not the circuit: a message this large is a paste into a form at most.
        options.MaximumReceiveMessageSize = section.GetValue("MaxMessageKilobytes", 64) * 1024;
        // A browser that has said nothing for this long is taken as gone (it pings every 15 seconds).
        options.ClientTimeoutInterval = TimeSpan.FromSeconds(section.GetValue("ClientTimeoutSeconds", 60));
    }
}
