using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>Debian's Chromium driven by Playwright (Playwright's own browser download cannot run here).</summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>
    /// Waits until the page's address matches a Playwright glob ("**/organizations/*"), looking at the address only.
    /// Playwright's WaitForURLAsync cannot be trusted for that: when the address already matches it ignores
    /// <c>WaitUntil = Commit</c> and waits for the page's <c>load</c> event instead (playwright-dotnet issue 3365), which a
    /// live Blazor page can take a minute to fire — a sign-in that had finished before the call timed out, now and then,
    /// on a fast run. What follows a navigation waits for the page itself.
    /// </summary>
    public static Task WaitForUrlAsync(IPage page, string glob) => WaitForUrlAsync(page, new Regex(GlobToRegex(glob)));

    public static Task WaitForUrlAsync(IPage page, Regex pattern) => WaitForUrlAsync(page, pattern.IsMatch);

    public static async Task WaitForUrlAsync(IPage page, Func<string, bool> matches, int timeoutMilliseconds = 60_000)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!matches(page.Url))
        {
            if (waited.ElapsedMilliseconds > timeoutMilliseconds)
            {
                throw new TimeoutException($"The page stayed at {page.Url} for {timeoutMilliseconds / 1000} s.");
            }
            await Task.Delay(50);
        }
    }

    private static string GlobToRegex(string glob) =>
        "^" + Regex.Escape(glob).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public static string ScreenshotFolder
    {
        get
        {
            var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("SALESSPEC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No Chromium at {executable}. Run the tests with ./test.sh, which installs it.");
        }
        // CI runs the browser beside the other test projects on two cores: a Blazor circuit can take
        // several seconds to answer there, far beyond Playwright's 5 s default for an expectation.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh, light-themed, laptop-sized browser session on the app.</summary>
    public Task<IBrowserContext> NewContextAsync(AppServer app) => NewContextAsync(app.BaseAddress);

    /// <summary>A fresh, light-themed, laptop-sized browser session on the app at that address.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri address)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            ColorScheme = ColorScheme.Light,
        });
        // A sign-in and its redirects can take more than Playwright's 30 s on two cores shared with the other test
        // projects; actions and navigations wait on the page's state for up to a minute instead.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }
        _playwright?.Dispose();
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesSpec.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
