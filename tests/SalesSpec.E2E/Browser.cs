using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>Debian's Chromium driven by Playwright (Playwright's own browser download cannot run here).</summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>
    /// For WaitForURL: the address is enough. Blazor's enhanced navigation changes it without a load event, and waiting
    /// for one timed out now and then on CI although the page was there; what follows waits for the page itself.
    /// </summary>
    public static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.Commit };

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
    public async Task<IBrowserContext> NewContextAsync(AppServer app)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
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

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesSpec.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
