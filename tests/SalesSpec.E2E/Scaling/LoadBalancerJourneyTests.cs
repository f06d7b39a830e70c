using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SalesSpec.Bench.Scaling;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.E2E.Scaling;

/// <summary>
/// SalesSpec scaled out as docs/operations.md describes it: two real app processes on one PostgreSQL (and one Redis),
/// behind HAProxy with deploy/haproxy.cfg. A person's session must outlive the instance that held it, and the rate
/// limits must count each client behind the proxy, not the proxy.
/// </summary>
[Collection(SeveralInstances.Name)]
public sealed partial class LoadBalancerJourneyTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Behind_haproxy_a_session_outlives_its_instance_and_each_client_has_its_own_bucket()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var database = await PostgresServer.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("salesspec-scaled-").FullName;
        var redisPrefix = $"salesspec-scaled-{Guid.NewGuid():N}:";
        Dictionary<string, string> Settings(string name)
        {
            var settings = new Dictionary<string, string>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:SalesSpec"] = database,
                ["Demo:Enabled"] = "true",
                ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
                ["RateLimits:SignInPerMinute"] = "2",
                ["Logs:Directory"] = Path.Combine(folder, name),
                ["Serilog:MinimumLevel:Default"] = "Warning",
            };
            if (Environment.GetEnvironmentVariable("SALESSPEC_TEST_REDIS") is { Length: > 0 } redis)
            {
                settings["Cache:Redis"] = redis;
                settings["Cache:RedisInstance"] = redisPrefix;
            }
            return settings;
        }

        // Both replicas start at once on the empty database, as a deployment starts them.
        var starting = new[] { AppProcess.StartAsync("app1", Settings("app1"), cancellation), AppProcess.StartAsync("app2", Settings("app2"), cancellation) };
        try
        {
            var instances = await Task.WhenAll(starting);
            await using var balancer = await LoadBalancer.StartAsync(instances, cancellation);
            try
            {
                await SessionOutlivesItsInstanceAsync(balancer, instances);
                await EachClientHasItsOwnBucketAsync(balancer);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException(
                    $"{e.Message}\n--- HAProxy:\n{Tail(balancer.Output)}\n--- app1:\n{Tail(instances[0].Output)}\n--- app2:\n{Tail(instances[1].Output)}", e);
            }
        }
        finally
        {
            foreach (var instance in starting.Where(task => task.IsCompletedSuccessfully).Select(task => task.Result))
            {
                await instance.DisposeAsync();
            }
            await PostgresServer.DropDatabaseAsync(database);
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task SessionOutlivesItsInstanceAsync(LoadBalancer balancer, AppProcess[] instances)
    {
        await using var context = await browser.NewContextAsync(balancer.Address);
        var page = await context.NewPageAsync();
        var demos = await DraftJourneyTests.OpenMyWeekAsRepAsync(page);
        (await demos.InputValueAsync()).ShouldNotBe("6.5");

        // An edit not saved yet: it lives in the circuit, on one instance, and in this browser's draft.
        await demos.FillAsync("6.5");
        await Assertions.Expect(page.Locator("[data-testid=kept-in-browser]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('salesspec:week-draft:'))");

        // HAProxy's cookie says which instance holds the session; that process dies, with no warning.
        var holder = await InstanceCookieAsync(context);
        var lost = instances.Single(instance => instance.Name == holder);
        var survivor = instances.Single(instance => instance.Name != holder);
        await lost.KillAsync();

        // The circuit drops. Its reconnection reaches the other instance (HAProxy redispatches), which does not know
        // that circuit, so the page reloads there: still signed in (the keys are shared through the database), the
        // unsaved edit back from the browser's draft.
        await Assertions.Expect(page.Locator("[data-testid=draft-restored]")).ToContainTextAsync("this browser kept them", new() { Timeout = 90_000 });
        page.Url.ShouldEndWith("/my-week");
        (await InstanceCookieAsync(context)).ShouldBe(survivor.Name);
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(demos).ToHaveValueAsync("6.5");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "failover-my-week.png") });

        // Saved on the survivor, the edit is the week's, and the draft is gone.
        await page.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Draft");
        await page.WaitForFunctionAsync("() => !Object.keys(localStorage).some(k => k.startsWith('salesspec:week-draft:'))");
        await page.ReloadAsync();
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(demos).ToHaveValueAsync("6.5");
        await Assertions.Expect(page.Locator("[data-testid=draft-restored]")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Two clients (127.0.0.2 and 127.0.0.3) reach the same instance through the proxy. The app sees each one's own
    /// address (X-Forwarded-For from the known proxy), so each has its own sign-in bucket; without forwarded headers
    /// both would be the proxy's 127.0.0.1 and share one.
    /// </summary>
    private static async Task EachClientHasItsOwnBucketAsync(LoadBalancer balancer)
    {
        using var first = ClientFrom(IPAddress.Parse("127.0.0.2"), balancer.Address);
        using var second = ClientFrom(IPAddress.Parse("127.0.0.3"), balancer.Address);

        (await SignInStatusAsync(first)).ShouldBe(HttpStatusCode.OK);
        (await SignInStatusAsync(first)).ShouldBe(HttpStatusCode.OK);
        (await SignInStatusAsync(first)).ShouldBe(HttpStatusCode.TooManyRequests);
        (await SignInStatusAsync(second)).ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> InstanceCookieAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).Single(cookie => cookie.Name == "SalesSpec.Instance").Value;

    /// <summary>An HTTP client whose connections leave from <paramref name="source"/>, as another machine's would.</summary>
    private static HttpClient ClientFrom(IPAddress source, Uri address)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = true,
            ConnectCallback = async (connection, cancellation) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(connection.DnsEndPoint, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = address };
    }

    private static async Task<HttpStatusCode> SignInStatusAsync(HttpClient client)
    {
        var page = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = TokenPattern().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "nobody@example.com",
            ["Input.Password"] = "Wrong-1234!",
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        return response.StatusCode;
    }

    private static string Tail(string output) => output.Length <= 6_000 ? output : output[^6_000..];

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
