using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SalesSpec.Bench.Scaling;

/// <summary>
/// A room of phones answering a live workshop (issue 21's load benchmark): two app processes on one throwaway
/// PostgreSQL database, the consultant's projector page in Chromium on one, and the phones — plain HTTP clients, each
/// with its own cookies, as a phone's browser posts the join form — on the other, so every update reaches the
/// projector through PostgreSQL's LISTEN/NOTIFY. The phones start evenly within the given seconds (the room's pace),
/// all from one address as behind a venue's Wi-Fi, at the default rate limits.
/// The projector's update latency of an answer is from the phone's "saved" response (the answer is stored) to the
/// first frame in which the projector counts that many answers: the k-th answer stored is shown once the count reaches
/// k. Both clocks are this machine's wall clock.
/// </summary>
internal static partial class WorkshopBenchmark
{
    // In the projector page before its own script: each change of the answer count, with the wall-clock time of the
    // first frame after it (requestAnimationFrame, then a task: painted).
    private const string CountClock = """
        (() => {
            const counts = window.__salesspecCounts = [];
            const watch = () => {
                const count = document.querySelector("[data-testid=answer-count]");
                if (!count) {
                    setTimeout(watch, 50);
                    return;
                }
                new MutationObserver(() => {
                    const value = parseInt(count.textContent, 10);
                    requestAnimationFrame(() => setTimeout(() => counts.push([value, Date.now()])));
                }).observe(count, { childList: true, characterData: true, subtree: true });
            };
            document.addEventListener("DOMContentLoaded", watch);
        })();
        """;

    public static async Task<int> RunAsync(string postgres, int participants, int seconds, int pool = 40)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var database = await CircuitBenchmark.CreateDatabaseAsync(postgres);
        var folder = Directory.CreateTempSubdirectory("salesspec-workshop-").FullName;
        var instances = new List<AppProcess>();
        try
        {
            Dictionary<string, string> Settings(string name) => new()
            {
                ["Database:Provider"] = "Postgres",
                // Two instances on one server of 100 connections, as docs/operations.md says to configure them.
                ["ConnectionStrings:SalesSpec"] = database + (pool > 0 ? $";Maximum Pool Size={pool}" : ""),
                ["Demo:Enabled"] = "true",
                ["Logs:Directory"] = Path.Combine(folder, name),
                ["Serilog:MinimumLevel:Default"] = "Warning",
            };
            // One after the other: the first applies the migrations and the demo.
            var projectorInstance = await AppProcess.StartAsync("projector", Settings("projector"), cancel.Token);
            instances.Add(projectorInstance);
            var phoneInstance = await AppProcess.StartAsync("phones", Settings("phones"), cancel.Token);
            instances.Add(phoneInstance);
            Console.WriteLine($"# workshop: {participants} phones within {seconds} s on one instance, the projector on another (LISTEN/NOTIFY), pool {(pool > 0 ? pool.ToString(CultureInfo.InvariantCulture) : "default")} per instance, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

            var (signedIn, _) = await CircuitBenchmark.SignInAsync(projectorInstance.Address, "consultant@demo.salesspec", cancel.Token, toDashboard: false);
            var executable = Environment.GetEnvironmentVariable("SALESSPEC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--no-first-run"],
            });
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
            context.SetDefaultTimeout(120_000);
            await context.AddCookiesAsync(signedIn.GetCookies(projectorInstance.Address)
                .Select(cookie => new Microsoft.Playwright.Cookie { Name = cookie.Name, Value = cookie.Value, Domain = projectorInstance.Address.Host, Path = "/", HttpOnly = true }));
            await context.AddInitScriptAsync(CountClock);
            var projector = await context.NewPageAsync();
            await projector.GotoAsync(new Uri(projectorInstance.Address, "/organizations/1/workshops").ToString());
            await Assertions.Expect(projector.Locator("[data-testid=workshops-empty]")).ToBeVisibleAsync();
            await WaitUntilInteractiveAsync(projector);
            await projector.GetByLabel("Title").FillAsync("Load benchmark");
            // Named answers: the heavier page (a name per bar) and the one that can be saved afterwards.
            await projector.Locator("[data-testid=new-workshop] input[type=checkbox]").UncheckAsync();
            await projector.Locator("[data-testid=create-workshop]").ClickAsync();
            await projector.WaitForURLAsync(new Regex("/workshops/\\d+$"));
            await WaitUntilInteractiveAsync(projector);
            var code = (await projector.Locator("[data-testid=join-code]").InnerTextAsync()).Replace("-", "", StringComparison.Ordinal);
            await projector.Locator("[data-testid=reveal]").ClickAsync();
            await Assertions.Expect(projector.Locator("[data-testid=answers-empty]")).ToBeVisibleAsync();

            // Warm the phones' instance (JIT, the join page's queries) with one page that does not answer.
            using (var warm = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = phoneInstance.Address })
            {
                (await warm.GetAsync(new Uri($"/join/{code}", UriKind.Relative), cancel.Token)).EnsureSuccessStatusCode();
            }
            await Task.Delay(TimeSpan.FromSeconds(10), cancel.Token);
            var baseline = instances.Select(instance => instance.WorkingSet).ToArray();

            var start = Stopwatch.StartNew();
            var phones = await Task.WhenAll(Enumerable.Range(0, participants).Select(async index =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(seconds * 1000.0 * index / participants), cancel.Token);
                try
                {
                    return await AnswerAsync(phoneInstance.Address, code, index, cancel.Token);
                }
                catch (HttpRequestException exception)
                {
                    return new Phone(false, 0, 0, "join page: " + exception.Message);
                }
            }));
            var answering = start.Elapsed;
            var stored = phones.Where(phone => phone.Saved).ToList();
            // The projector shows every stored answer, then its clock is read.
            await Assertions.Expect(projector.Locator("[data-testid=answer-count]")).ToHaveTextAsync(stored.Count.ToString(CultureInfo.InvariantCulture), new() { Timeout = 60_000 });
            await Task.Delay(TimeSpan.FromSeconds(1), cancel.Token);
            var counts = await projector.EvaluateAsync<long[][]>("() => window.__salesspecCounts");
            var memory = instances.Select(instance => instance.WorkingSet).ToArray();

            var latencies = new List<double>();
            var early = 0;
            foreach (var (phone, rank) in stored.OrderBy(phone => phone.StoredAt).Select((phone, i) => (phone, i + 1)))
            {
                var shown = counts.Where(c => c[0] >= rank).Select(c => (long?)c[1]).FirstOrDefault();
                if (shown is null)
                {
                    continue;
                }
                var latency = shown.Value - phone.StoredAt;
                // The count can move before the phone reads its response (the notification outruns the redirect).
                if (latency < 0)
                {
                    early++;
                }
                latencies.Add(Math.Max(0, latency));
            }
            latencies.Sort();
            var posts = phones.Select(phone => phone.PostMilliseconds).Order().ToList();
            Console.WriteLine("| phones | stored | refused | answering took | phone's post, to stored p50 / p95 | projector update p50 / p95 / max | shown before the phone's response | updates seen | memory delta (projector + phones) | resident after |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {participants} | {stored.Count} | {participants - stored.Count} | {answering.TotalSeconds:0.0} s | {CircuitBenchmark.Percentile(posts, 0.5):0} / {CircuitBenchmark.Percentile(posts, 0.95):0} ms | " +
                $"{(latencies.Count > 0 ? $"{CircuitBenchmark.Percentile(latencies, 0.5):0} / {CircuitBenchmark.Percentile(latencies, 0.95):0} / {latencies[^1]:0} ms" : "–")} | {early} | {counts.Length} | " +
                $"{CircuitBenchmark.Megabytes(memory[0] - baseline[0])} + {CircuitBenchmark.Megabytes(memory[1] - baseline[1])} | {CircuitBenchmark.Megabytes(memory[0])} + {CircuitBenchmark.Megabytes(memory[1])} |"));
            foreach (var refused in phones.Where(phone => !phone.Saved).Take(3))
            {
                Console.WriteLine($"refused: {refused.Problem}");
            }
            if (stored.Count < participants)
            {
                // Why: the errors the phones' instance logged.
                foreach (var line in phoneInstance.Output.Split('\n').Where(line => line.Contains("ERR", StringComparison.Ordinal) || line.Contains("Exception", StringComparison.Ordinal)).Take(10))
                {
                    Console.WriteLine($"phones instance: {line.Trim()}");
                }
            }
            return stored.Count == participants ? 0 : 1;
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
            await CircuitBenchmark.DropDatabaseAsync(postgres, database);
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Phone(bool Saved, long StoredAt, double PostMilliseconds, string? Problem);

    /// <summary>One phone: opens the join page, then posts its typical week (four activities, 40/30/20/10 %).</summary>
    private static async Task<Phone> AnswerAsync(Uri instance, string code, int index, CancellationToken cancellationToken)
    {
        // Redirects not followed: the post's redirect to "?saved=true" is the moment the answer is stored; the phone's
        // browser then loads the saved page, which is not part of the projector's latency.
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = instance, Timeout = TimeSpan.FromMinutes(2) };
        var page = await http.GetStringAsync(new Uri($"/join/{code}", UriKind.Relative), cancellationToken);
        var token = CircuitBenchmark.Token().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The join page has no antiforgery token.");
        var roleList = RoleList().Match(page).Value;
        var roles = RoleOption().Matches(roleList).Select(m => m.Groups[1].Value).ToList();
        var activities = ActivityField().Matches(page).Select(m => (Index: m.Groups[1].Value, Id: m.Groups[2].Value)).ToList();
        if (roles.Count == 0 || activities.Count < 4)
        {
            throw new InvalidOperationException("The join page has no roles or too few activities to answer.");
        }
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "answer",
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = string.Create(CultureInfo.InvariantCulture, $"Participant {index + 1:000}"),
            ["Input.RoleId"] = roles[index % roles.Count],
        };
        var random = new Random(index);
        var chosen = activities.OrderBy(_ => random.Next()).Take(4).ToList();
        int[] shares = [40, 30, 20, 10];
        for (var i = 0; i < chosen.Count; i++)
        {
            fields[$"Input.Shares[{i}].ActivityId"] = chosen[i].Id;
            fields[$"Input.Shares[{i}].Percent"] = shares[i].ToString(CultureInfo.InvariantCulture);
        }
        using var form = new FormUrlEncodedContent(fields);
        var took = Stopwatch.StartNew();
        using var response = await http.PostAsync(new Uri($"/join/{code}", UriKind.Relative), form, cancellationToken);
        took.Stop();
        var storedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var saved = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther
            && response.Headers.Location?.OriginalString.Contains("saved=true", StringComparison.Ordinal) == true;
        return new Phone(saved, storedAt, took.Elapsed.TotalMilliseconds, saved ? null : $"{(int)response.StatusCode} to {response.Headers.Location}");
    }

    // As the browser tests wait: the layout marks itself interactive once its circuit is up.
    private static Task WaitUntilInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator(".mud-layout[data-interactive=true], [data-rendering=static]:not(:has([data-interactive=false]))"))
            .ToHaveCountAsync(1, new() { Timeout = 120_000 });

    [GeneratedRegex("id=\"join-role\".*?</select>", RegexOptions.Singleline)]
    private static partial Regex RoleList();

    [GeneratedRegex("<option value=\"(\\d+)\"")]
    private static partial Regex RoleOption();

    [GeneratedRegex("name=\"Input\\.Shares\\[(\\d+)\\]\\.ActivityId\" value=\"(\\d+)\"")]
    private static partial Regex ActivityField();
}
