using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Npgsql;

namespace SalesSpec.Bench.Scaling;

/// <summary>
/// How many people one instance holds (issue 20's load harness). Real app processes on a throwaway PostgreSQL
/// database with the demo; open pages held with <see cref="CircuitClient"/> at each requested count: dashboards (which
/// render statically, so an open one holds no circuit, only its HTTP connection) or an interactive page such as the
/// team week (a full circuit each). The server's memory per open page (resident memory delta ÷ pages) is counted only
/// for pages that answered an interaction and, for interactive ones, that the server's own circuit gauge shows.
/// Meanwhile a few active users move the dashboard's 80/20 line every 10 s (the slider's server path: a request of the
/// page at <c>?line=</c>), timed to the whole answer; then as many people in real Chromium pages move the slider itself
/// (<see cref="BrowserUsers"/>), timed until the new figures are on screen.
/// With <c>--proxy</c>, the same run goes through HAProxy (deploy/haproxy.cfg) to two instances.
/// </summary>
internal static partial class CircuitBenchmark
{
    /// <param name="pageName">Which page each held tab has open: "dashboard" (static), or another page of the
    /// organisation ("team-week", interactive) to see what its circuit costs.</param>
    public static async Task<int> RunAsync(string postgres, IReadOnlyList<int> counts, int activeUsers, int browserUsers, int activeSeconds, bool throughProxy, int holdSeconds, string pageName = "dashboard")
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var database = await CreateDatabaseAsync(postgres);
        var folder = Directory.CreateTempSubdirectory("salesspec-circuits-").FullName;
        var instances = new List<AppProcess>();
        LoadBalancer? balancer = null;
        try
        {
            Dictionary<string, string> Settings(string name) => new()
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:SalesSpec"] = database,
                ["Demo:Enabled"] = "true",
                ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
                ["Logs:Directory"] = Path.Combine(folder, name),
                ["Serilog:MinimumLevel:Default"] = "Warning",
                // One person holds every circuit here; the harness is not an attack.
                ["RateLimits:SignInPerMinute"] = "1000",
            };
            instances.Add(await AppProcess.StartAsync("app1", Settings("app1"), cancel.Token));
            if (throughProxy)
            {
                instances.Add(await AppProcess.StartAsync("app2", Settings("app2"), cancel.Token));
                balancer = await LoadBalancer.StartAsync(instances, cancel.Token);
            }
            var entry = balancer?.Address ?? instances[0].Address;
            Console.WriteLine($"# circuits: {instances.Count} instance(s){(throughProxy ? " behind HAProxy" : "")}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

            var (signedIn, landing) = await SignInAsync(entry, "leader@demo.salesspec", cancel.Token);
            var dashboard = landing;
            var held = pageName == "dashboard" ? landing : new Uri(landing, landing.AbsolutePath.Replace("/dashboard", "/" + pageName, StringComparison.Ordinal));
            Console.WriteLine($"# pages held: {held.AbsolutePath}; the slider moved on {dashboard.AbsolutePath}");
            await using var counters = CircuitGauge.Start(instances);

            // Warm-up: the first circuits pay for JIT and the analysis cache; they are closed before the baseline.
            var warm = new List<CircuitClient>();
            for (var i = 0; i < 5; i++)
            {
                warm.Add(await CircuitClient.OpenAsync(held, Copy(signedIn, entry), cancel.Token));
                await warm[^1].NavigateAsync(WithLine(held, 25), cancel.Token);
                await warm[^1].LoadAsync(WithLine(dashboard, 25 + i), cancel.Token);
                await warm[^1].LoadAsync(WithLine(dashboard, 30 + i), cancel.Token, partsOnly: true);
            }
            foreach (var circuit in warm)
            {
                await circuit.DisposeAsync();
            }
            await Task.Delay(TimeSpan.FromSeconds(15), cancel.Token);
            var baseline = instances.Select(instance => instance.WorkingSet).ToArray();
            Console.WriteLine($"baseline resident memory: {string.Join(" + ", baseline.Select(Megabytes))}; circuits on the server: {await counters.ReadAsync(cancel.Token)}");

            var open = new List<CircuitClient>();
            Console.WriteLine("| open pages held | circuits on the server (gauge) | answered an interaction | memory delta | per open page | opening time | slider p50 / p95 (server) | moves | slider p50 / p95 (Chromium, key to painted in the page) | moves | of which the request (Resource Timing) p50 / p95 | moves | slider p50 / p95 (Chromium, through Playwright) | moves |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var count in counts)
            {
                var opening = Stopwatch.StartNew();
                await OpenAsync(open, count, held, signedIn, entry, cancel.Token);
                opening.Stop();
                // Every open page must answer: a move of its address and back (a request of a static page; a
                // navigation of a circuit, which renders again).
                var answered = await AnswerAsync(open, held, cancel.Token);
                await Task.Delay(TimeSpan.FromSeconds(10), cancel.Token);
                // Memory and the gauge before anyone else opens a page: the idle circuits alone.
                var onServer = await counters.ReadAsync(cancel.Token);
                var memory = instances.Select(instance => instance.WorkingSet).ToArray();
                var delta = memory.Sum() - baseline.Sum();
                // A static page holds no circuit: it counts when it answered; an interactive one also when the gauge shows it.
                var counted = open.All(page => page.IsStatic) ? answered : Math.Min(answered, onServer);
                var server = activeUsers == 0 ? "– | 0" : Summary(await ActiveUsersAsync(open.Take(activeUsers).ToList(), dashboard, activeSeconds, cancel.Token));
                var browser = "– | 0 | – | 0 | – | 0";
                if (browserUsers > 0)
                {
                    await using var people = await BrowserUsers.OpenAsync(browserUsers, dashboard, signedIn, entry);
                    var (inPage, requests, harness) = await people.MoveSlidersAsync(activeSeconds, cancel.Token);
                    browser = Summary(inPage) + " | " + Summary(requests) + " | " + Summary(harness);
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {open.Count:N0} | {onServer:N0} | {answered:N0} | {Megabytes(delta)} | {(counted > 0 ? delta / counted / 1024.0 : 0):0} KB | {opening.Elapsed.TotalSeconds:0.0} s | {server} | {browser} |"));
            }
            if (holdSeconds > 0)
            {
                // Time to look inside (dotnet-counters monitor, dotnet-gcdump collect) with the circuits still open.
                Console.WriteLine($"holding {open.Count:N0} pages for {holdSeconds} s; instance processes: {string.Join(", ", instances.Select(instance => $"{instance.Name} pid {instance.ProcessId}"))}");
                await Task.Delay(TimeSpan.FromSeconds(holdSeconds), cancel.Token);
            }
            foreach (var circuit in open)
            {
                await circuit.DisposeAsync();
            }
            return 0;
        }
        finally
        {
            if (balancer is not null)
            {
                await balancer.DisposeAsync();
            }
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
            await DropDatabaseAsync(postgres, database);
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task OpenAsync(List<CircuitClient> held, int count, Uri dashboard, CookieContainer signedIn, Uri entry, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(8);
        var opening = Enumerable.Range(0, Math.Max(0, count - held.Count)).Select(async _ =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await CircuitClient.OpenAsync(dashboard, Copy(signedIn, entry), cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        held.AddRange(await Task.WhenAll(opening));
    }

    private static async Task<int> AnswerAsync(List<CircuitClient> held, Uri dashboard, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(16);
        var results = await Task.WhenAll(held.Select(async circuit =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await circuit.NavigateAsync(WithLine(dashboard, 30), cancellationToken);
                await circuit.NavigateAsync(dashboard, cancellationToken);
                return circuit.IsConnected;
            }
            catch (TimeoutException)
            {
                return false;
            }
            finally
            {
                gate.Release();
            }
        }));
        return results.Count(ok => ok);
    }

    private static string Summary(List<double> sorted) => sorted.Count == 0
        ? "– | 0"
        : string.Create(CultureInfo.InvariantCulture, $"{Percentile(sorted, 0.50):0} / {Percentile(sorted, 0.95):0} ms | {sorted.Count}");

    /// <summary>Each active user moves the line once every 10 s (staggered) for the given time; the latencies of all moves, sorted.</summary>
    private static async Task<List<double>> ActiveUsersAsync(List<CircuitClient> users, Uri dashboard, int seconds, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var end = DateTime.UtcNow.AddSeconds(seconds);
        await Task.WhenAll(users.Select(async (user, index) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10_000.0 * index / users.Count), cancellationToken);
            var line = 20;
            while (DateTime.UtcNow < end)
            {
                line = line >= 40 ? 15 : line + 5;
                var took = await user.LoadAsync(WithLine(dashboard, line), cancellationToken, partsOnly: true);
                lock (latencies)
                {
                    latencies.Add(took.TotalMilliseconds);
                }
                await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            }
        }));
        latencies.Sort();
        return latencies;
    }

    internal static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static Uri WithLine(Uri dashboard, int line) => new($"{dashboard.GetLeftPart(UriPartial.Path)}?line={line}");

    /// <summary>A browser of its own holding the signed-in cookie (and, behind HAProxy, soon its own instance cookie).</summary>
    private static CookieContainer Copy(CookieContainer signedIn, Uri entry)
    {
        var cookies = new CookieContainer();
        foreach (Cookie cookie in signedIn.GetCookies(entry))
        {
            if (cookie.Name != "SalesSpec.Instance")
            {
                cookies.Add(entry, new Cookie(cookie.Name, cookie.Value, "/"));
            }
        }
        return cookies;
    }

    internal static async Task<(CookieContainer Cookies, Uri Dashboard)> SignInAsync(Uri entry, string email, CancellationToken cancellationToken, bool toDashboard = true)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies }) { BaseAddress = entry };
        var page = await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), cancellationToken);
        var token = Token().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = "Demo-1234!",
            ["__RequestVerificationToken"] = token,
        });
        using var response = await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), form, cancellationToken);
        var landed = response.RequestMessage!.RequestUri!;
        if (toDashboard ? !landed.AbsolutePath.EndsWith("/dashboard", StringComparison.Ordinal) : landed.AbsolutePath.StartsWith("/Account/Login", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in as {email} landed on {landed}, not a dashboard.");
        }
        return (cookies, new Uri(entry, landed.PathAndQuery));
    }

    internal static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.0} MB");

    internal static async Task<string> CreateDatabaseAsync(string admin)
    {
        var name = $"salesspec_circuits_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    internal static async Task DropDatabaseAsync(string admin, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(database).Database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    internal static partial Regex Token();
}
