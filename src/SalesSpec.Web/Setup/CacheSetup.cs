using Microsoft.Extensions.Caching.Hybrid;
using SalesSpec.Web.Features.Analysis;

namespace SalesSpec.Web.Setup;

/// <summary>
/// The analysis cache: <see cref="HybridCache"/> in each instance's memory, with Redis as the level every instance
/// shares when <c>Cache:Redis</c> holds a connection string (several instances behind a load balancer compute an
/// analysis once between them). Entries are keyed by data version, so neither level needs invalidating.
/// </summary>
public static class CacheSetup
{
    public const string RedisSetting = "Cache:Redis";

    /// <summary>Prefixes every key, so that two deployments (or test runs) can share one Redis.</summary>
    public const string RedisInstanceSetting = "Cache:RedisInstance";

    public static IServiceCollection AddSalesSpecCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHybridCache(options =>
            {
                // An organisation of 10,000 reps is a few megabytes of figures; the default 1 MB would cache nothing.
                options.MaximumPayloadBytes = 256 * 1024 * 1024;
                options.MaximumKeyLength = 512;
            })
            .AddSerializer<AnalysisSnapshot, AnalysisSnapshotSerializer>();
        if (configuration[RedisSetting] is { Length: > 0 } redis)
        {
            services.AddStackExchangeRedisCache(options =>
            {
                options.Configuration = redis;
                options.InstanceName = configuration[RedisInstanceSetting] is { Length: > 0 } instance ? instance : "salesspec:";
            });
        }
        return services;
    }
}
