using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;

namespace SalesSpec.Bench.Scaling;

/// <summary>
/// Signed-in people in real Chromium pages (Debian's, as in the browser tests), each on the dashboard: every page
/// moves the 80/20 slider with the keyboard once every 10 s, staggered, and the time is taken from the key press to
/// the new figures in the page, so it holds everything a person waits for: the request of the page at the new line,
/// the server's work and the page's script swapping the figures in (the status line under the slider changes last).
/// </summary>
internal sealed class BrowserUsers : IAsyncDisposable
{
    private const string Slider = "[data-testid=threshold-slider]";
    private const string Figure = "#what-if-status";

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

    /// <summary>Every page moves the slider once every 10 s for the given time; the latencies of all moves, in ms.</summary>
    public async Task<List<double>> MoveSlidersAsync(int seconds, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var end = DateTime.UtcNow.AddSeconds(seconds);
        await Task.WhenAll(_pages.Select(async (page, index) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10_000.0 * index / _pages.Count), cancellationToken);
            var right = true;
            while (DateTime.UtcNow < end)
            {
                await page.Locator(Slider).FocusAsync();
                var before = await page.Locator(Figure).TextContentAsync();
                var took = Stopwatch.StartNew();
                await page.Keyboard.PressAsync(right ? "ArrowRight" : "ArrowLeft");
                await page.WaitForFunctionAsync(
                    "([selector, before]) => document.querySelector(selector)?.textContent !== before",
                    new object?[] { Figure, before },
                    new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 120_000 });
                took.Stop();
                lock (latencies)
                {
                    latencies.Add(took.Elapsed.TotalMilliseconds);
                }
                right = !right;
                await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            }
        }));
        latencies.Sort();
        return latencies;
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
