using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;

namespace SalesSpec.Bench.Scaling;

/// <summary>
/// Signed-in people in real Chromium pages (Debian's, as in the browser tests), each on the dashboard: every page
/// moves the 80/20 slider with the keyboard once every 10 s, staggered, and the time is taken from the key press to
/// the new figures in the page, so it holds everything a person waits for: the request of the page at the new line,
/// the server's work and the page's script bringing all the parts to the new figures (one task; the status line under
/// the slider is among them, and the page's clock stops at the frame after that task).
/// Two clocks: one in the page (from the key's event to the first frame after the new figures, as the person sees it)
/// and one in the harness (from sending the key through Playwright to seeing the figures through it, which adds the
/// messages between the harness and the browser).
/// </summary>
internal sealed class BrowserUsers : IAsyncDisposable
{
    private const string Slider = "[data-testid=threshold-slider]";
    private const string Figure = "#what-if-status";

    // In each page before its own script: the time of the last key press, and of the first frame after the status
    // under the slider changed (requestAnimationFrame, then a task: the frame with the new figures has been painted),
    // with the time of the move's request within it.
    private const string PageClock = """
        (() => {
            const moves = window.__salesspecMoves = [];
            performance.setResourceTimingBufferSize(100000);
            let pressed = null;
            document.addEventListener("keydown", event => { pressed = event.timeStamp; }, true);
            document.addEventListener("DOMContentLoaded", () => {
                const status = document.querySelector("#what-if-status");
                if (!status) {
                    return;
                }
                new MutationObserver(() => {
                    if (pressed === null) {
                        return;
                    }
                    const from = pressed;
                    pressed = null;
                    // The move's request as the browser's network layer timed it (Resource Timing): the rest is the page.
                    const request = performance.getEntriesByType("resource").filter(entry => entry.initiatorType === "fetch").pop();
                    const requested = request && request.startTime >= from ? request.responseEnd - request.startTime : -1;
                    requestAnimationFrame(() => setTimeout(() => moves.push([performance.now() - from, requested])));
                }).observe(status, { childList: true, characterData: true, subtree: true });
            });
        })();
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<IPage> _pages = [];

    private BrowserUsers(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public int Count => _pages.Count;

    public static async Task<BrowserUsers> OpenAsync(int count, Uri dashboard, CookieContainer signedIn, Uri entry)
    {
        var executable = Environment.GetEnvironmentVariable("SALESSPEC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No Chromium at {executable}: bench/run.sh circuits installs it, or set SALESSPEC_CHROMIUM.");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--no-first-run"],
        });
        var users = new BrowserUsers(playwright, browser);
        try
        {
            // Each person is a browser session of their own holding the signed-in cookie; behind HAProxy the
            // instance cookie is left out, so the balancer places each of them.
            var cookies = signedIn.GetCookies(entry).Where(cookie => cookie.Name != "SalesSpec.Instance")
                .Select(cookie => new Microsoft.Playwright.Cookie { Name = cookie.Name, Value = cookie.Value, Domain = entry.Host, Path = "/", HttpOnly = true })
                .ToList();
            for (var i = 0; i < count; i++)
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
                    ColorScheme = ColorScheme.Light,
                });
                context.SetDefaultTimeout(120_000);
                users._contexts.Add(context);
                await context.AddInitScriptAsync(PageClock);
                await context.AddCookiesAsync(cookies);
                var page = await context.NewPageAsync();
                await page.GotoAsync(dashboard.ToString());
                // The static page and its bar's island, connected (the island marks itself interactive).
                await Assertions.Expect(page.Locator("[data-rendering=static]:not(:has([data-interactive=false]))")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
                await Assertions.Expect(page.Locator(Slider)).ToBeVisibleAsync(new() { Timeout = 120_000 });
                users._pages.Add(page);
            }
            return users;
        }
        catch
        {
            await users.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Every page moves the slider once every 10 s for the given time; the latencies of all moves in ms, sorted, by the
    /// page's clock and by the harness's. A move the page's script answered by loading the whole page has no page clock.
    /// </summary>
    public async Task<(List<double> InPage, List<double> Requests, List<double> Harness)> MoveSlidersAsync(int seconds, CancellationToken cancellationToken)
    {
        var inPage = new List<double>();
        var requests = new List<double>();
        var harness = new List<double>();
        var end = DateTime.UtcNow.AddSeconds(seconds);
        await Task.WhenAll(_pages.Select(async (page, index) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10_000.0 * index / _pages.Count), cancellationToken);
            var right = true;
            while (DateTime.UtcNow < end)
            {
                await page.Locator(Slider).FocusAsync();
                var before = await page.Locator(Figure).TextContentAsync();
                var measured = await page.EvaluateAsync<int>("() => window.__salesspecMoves.length");
                var took = Stopwatch.StartNew();
                await page.Keyboard.PressAsync(right ? "ArrowRight" : "ArrowLeft");
                await page.WaitForFunctionAsync(
                    "([selector, before]) => document.querySelector(selector)?.textContent !== before",
                    new object?[] { Figure, before },
                    new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 120_000 });
                took.Stop();
                double[]? painted = null;
                try
                {
                    await using var seen = await page.WaitForFunctionAsync(
                        "measured => window.__salesspecMoves.length > measured ? window.__salesspecMoves[measured] : null",
                        measured, new PageWaitForFunctionOptions { Timeout = 5_000 });
                    painted = await seen.JsonValueAsync<double[]>();
                }
                catch (TimeoutException)
                {
                    // The script loaded the whole page instead (its fallback): the page's clock started again.
                }
                lock (harness)
                {
                    harness.Add(took.Elapsed.TotalMilliseconds);
                    if (painted is [var total, var request])
                    {
                        inPage.Add(total);
                        if (request >= 0)
                        {
                            requests.Add(request);
                        }
                    }
                }
                right = !right;
                await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            }
        }));
        inPage.Sort();
        requests.Sort();
        harness.Sort();
        return (inPage, requests, harness);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var page in _pages)
        {
            // As a person closes a tab: the page says goodbye, so the server drops its circuit at once.
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        }
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
