using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace SalesSpec.Web.Setup;

/// <summary>Health endpoints for load balancers and orchestrators.</summary>
public static class HealthSetup
{
    public const string Ready = "ready";

    public static IEndpointRouteBuilder MapSalesSpecHealth(this IEndpointRouteBuilder endpoints)
    {
        // Liveness: the process answers HTTP. No dependency is checked, so a database outage does not get every
        // instance restarted at once.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        // Readiness: the database answers and has every migration; the load balancer's check.
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        // Kept for probes set up before the two above: every check.
        endpoints.MapHealthChecks("/health");
        return endpoints;
    }
}
