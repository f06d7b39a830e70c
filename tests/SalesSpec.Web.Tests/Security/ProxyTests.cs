using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using SalesSpec.Web.Setup;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

/// <summary>
/// Behind a reverse proxy: the client's address and scheme come from the proxy's forwarded headers, only when the
/// proxy is one configuration names, and the rate limits count each client (or signed-in person) on their own.
/// </summary>
public sealed class ProxyTests
{
    private const string Proxy = "192.0.2.10";

    private static AppFactory App(int signInPerMinute = 100, int apiPerMinute = 600, string environment = "Development") => new(settings: new Dictionary<string, string>
    {
        ["ForwardedHeaders:KnownProxies"] = Proxy,
        ["RateLimits:SignInPerMinute"] = signInPerMinute.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:ApiPerMinute"] = apiPerMinute.ToString(CultureInfo.InvariantCulture),
        ["environment"] = environment,
    })
    { MoreServices = ClientAddress.Register };

    private static HttpClient Through(AppFactory app, string from, string? forwardedFor, bool redirects = true)
    {
        var client = app.Client(redirects).From(from);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
        return client;
    }

    private static async Task<HttpStatusCode> SignInStatusAsync(HttpClient client)
    {
        using var response = await SignIn.PostLoginAsync(client, "nobody@example.com", "Wrong-1234!");
        return response.StatusCode;
    }

    [Fact]
    public async Task Two_clients_behind_the_known_proxy_get_two_sign_in_buckets()
    {
        await using var app = App(signInPerMinute: 2);
        using var first = Through(app, Proxy, "203.0.113.1");
        using var second = Through(app, Proxy, "203.0.113.2");

        (await SignInStatusAsync(first)).ShouldBe(HttpStatusCode.OK);
        (await SignInStatusAsync(first)).ShouldBe(HttpStatusCode.OK);
        (await SignInStatusAsync(first)).ShouldBe(HttpStatusCode.TooManyRequests);

        // Another client through the same proxy has its own bucket.
        (await SignInStatusAsync(second)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_caller_that_is_not_a_known_proxy_cannot_pose_as_other_clients()
    {
        await using var app = App(signInPerMinute: 2);
        using var first = Through(app, "198.51.100.9", "203.0.113.1");
        using var second = Through(app, "198.51.100.9", "203.0.113.2");

        (await SignInStatusAsync(first)).ShouldBe(HttpStatusCode.OK);
        (await SignInStatusAsync(second)).ShouldBe(HttpStatusCode.OK);
        // Its X-Forwarded-For is ignored: both "clients" are its own address, one bucket.
        (await SignInStatusAsync(first)).ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task With_no_proxy_configured_forwarded_headers_are_ignored()
    {
        await using var app = new AppFactory(settings: new Dictionary<string, string> { ["RateLimits:SignInPerMinute"] = "2" })
        {
            MoreServices = ClientAddress.Register,
        };
        using var first = Through(app, "198.51.100.9", "203.0.113.1");
        using var second = Through(app, "198.51.100.9", "203.0.113.2");

        (await SignInStatusAsync(first)).ShouldBe(HttpStatusCode.OK);
        (await SignInStatusAsync(second)).ShouldBe(HttpStatusCode.OK);
        // Another X-Forwarded-For buys no new bucket, and the scheme stays what it was.
        (await SignInStatusAsync(first)).ShouldBe(HttpStatusCode.TooManyRequests);
        using var third = Through(app, "198.51.100.10", "203.0.113.3");
        third.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var page = await third.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        page.Headers.GetValues("Set-Cookie").ShouldAllBe(cookie => !cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Signed_in_people_behind_one_address_have_their_own_api_buckets()
    {
        await using var app = App(apiPerMinute: 3);
        using var leader = Through(app, Proxy, "203.0.113.5");
        using var manager = Through(app, Proxy, "203.0.113.5");
        await SignIn.AsAsync(leader, "leader@demo.salesspec");
        await SignIn.AsAsync(manager, "manager@demo.salesspec");

        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < 4; call++)
        {
            using var response = await leader.GetAsync(new Uri("/api/v1/organizations", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);

        using var other = await manager.GetAsync(new Uri("/api/v1/organizations", UriKind.Relative));
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Https_ended_at_the_proxy_gives_secure_cookies_and_hsts()
    {
        await using var app = App(environment: "Production");
        using var https = Through(app, Proxy, "203.0.113.1");
        https.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        https.DefaultRequestHeaders.Host = "salesspec.example.com";

        using var page = await https.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldNotBeEmpty();
        cookies.ShouldAllBe(cookie => cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase), string.Join(" | ", cookies));

        // The same request straight from a client that is not the proxy stays plain http: no HSTS, no Secure.
        using var direct = Through(app, "198.51.100.9", null);
        direct.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        direct.DefaultRequestHeaders.Host = "salesspec.example.com";
        using var plain = await direct.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        plain.Headers.GetValues("Set-Cookie").ShouldAllBe(cookie => !cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("KnownProxies", "not-an-address", "ForwardedHeaders:KnownProxies: 'not-an-address' is not an IP address.")]
    [InlineData("KnownNetworks", "10.0.0.0/99", "ForwardedHeaders:KnownNetworks: '10.0.0.0/99' is not a network such as 10.0.0.0/8.")]
    public void A_mistyped_proxy_setting_stops_start_up_with_its_name(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:" + key] = value })
            .Build();

        Should.Throw<InvalidOperationException>(() => ProxySettings.Read(configuration.GetSection("ForwardedHeaders")))
            .Message.ShouldBe(message);
    }

    [Fact]
    public void Several_proxies_fit_in_one_environment_variable()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "10.0.0.5; 10.0.0.6", ["ForwardedHeaders:KnownNetworks:0"] = "172.16.0.0/12" })
            .Build();

        var settings = ProxySettings.Read(configuration.GetSection("ForwardedHeaders"));

        settings.Proxies.Select(p => p.ToString()).ShouldBe(["10.0.0.5", "10.0.0.6"]);
        settings.Networks.Select(n => n.ToString()).ShouldBe(["172.16.0.0/12"]);
    }
}
