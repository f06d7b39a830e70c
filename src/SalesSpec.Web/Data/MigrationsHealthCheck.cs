using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SalesSpec.Web.Data;

/// <summary>
/// Ready only when the database has every migration this build knows: an instance of a newer build waits (503) while
/// another instance still holds the start-up lock and migrates, and the load balancer sends it no one meanwhile.
/// </summary>
public sealed class MigrationsHealthCheck(IDbContextFactory<SalesSpecDbContext> contextFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied yet, the first {pending[0]}");
    }
}
