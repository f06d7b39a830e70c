using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SalesSpec.Web.Setup;

/// <summary>
/// Running behind a reverse proxy or load balancer: the client's address and scheme come from the proxy's
/// X-Forwarded-For and X-Forwarded-Proto headers, but only from proxies named in configuration, since anyone
/// else could send those headers to pose as another client (and escape its rate limit).
/// </summary>
public static class ProxySetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddSalesSpecProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = ProxySettings.Read(configuration.GetSection(Section));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With no proxy named, nothing is forwarded: ASP.NET checks the sender only when a list has an entry, so
            // empty lists with the headers on would believe anyone's X-Forwarded-For.
            options.ForwardedHeaders = settings.Proxies.Count == 0 && settings.Networks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET trusts the loopback address by default; here only what the operator names is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Proxies)
            {
                options.KnownProxies.Add(proxy);
            }
            foreach (var network in settings.Networks)
            {
                options.KnownIPNetworks.Add(network);
            }
            options.ForwardLimit = settings.ForwardLimit;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>Takes the forwarded client address and scheme (first in the pipeline) and, outside Development, sends HSTS on https.</summary>
    public static IApplicationBuilder UseSalesSpecProxy(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        app.UseForwardedHeaders();
        if (!environment.IsDevelopment())
        {
            // Only on a request that arrived over https, which includes one the proxy says it received over https.
            app.UseHsts();
        }
        return app;
    }
}

/// <summary>The trusted proxies of <see cref="ProxySetup.Section"/>, read and checked at start-up.</summary>
public sealed record ProxySettings(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks, int ForwardLimit)
{
    public static ProxySettings Read(IConfigurationSection section)
    {
        var proxies = new List<IPAddress>();
        foreach (var value in Values(section.GetSection("KnownProxies")))
        {
            proxies.Add(IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{value}' is not an IP address."));
        }
        var networks = new List<System.Net.IPNetwork>();
        foreach (var value in Values(section.GetSection("KnownNetworks")))
        {
            networks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{value}' is not a network such as 10.0.0.0/8."));
        }
        var limit = section.GetValue("ForwardLimit", 1);
        if (limit < 1)
        {
            throw new InvalidOperationException($"{Section}:ForwardLimit must be 1 or more (the number of proxies in front of the app).");
        }
        return new ProxySettings(proxies, networks, limit);
    }

    private static string Section => ProxySetup.Section;

    // A list in JSON (["10.0.0.1"]) or one environment variable with several values ("10.0.0.1;10.0.0.2").
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { } single ? [single] : section.GetChildren().Select(child => child.Value ?? ""))
            .SelectMany(value => value.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
