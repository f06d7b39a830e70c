using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>
/// axe-core on every page each demo role reaches, at 1440×900 in the light theme, and on the four pages people use
/// every week (dashboard, My week, Team week, the scenario board) in the dark theme and on a phone. No critical or
/// serious violation is allowed anywhere. The pages are found the way a person finds them — the navigation drawer,
/// the first scenario, the first rep's week — so a new page in the menu is checked without touching this test.
/// <para>
/// <c>bench/accessibility.sh</c> sets <c>SALESSPEC_A11Y_MATRIX=full</c> to run every page for every role in both
/// themes at four screen sizes, and <c>SALESSPEC_A11Y_REPORT</c> to a file where each page's counts are written (the
/// table in docs/accessibility.md).
/// </para>
/// </summary>
public sealed partial class AccessibilityJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    private static readonly string[] Roles = ["admin", "leader", "manager", "rep", "consultant"];

    private static bool FullMatrix => Environment.GetEnvironmentVariable("SALESSPEC_A11Y_MATRIX") == "full";

    public static TheoryData<string, string, int, int> EveryPage
    {
        get
        {
            var data = new TheoryData<string, string, int, int>();
            var sizes = FullMatrix ? new[] { (1440, 900), (1280, 720), (1920, 1080), (390, 844) } : [(1440, 900)];
            var themes = FullMatrix ? new[] { "light", "dark" } : ["light"];
            foreach (var role in Roles)
            {
                foreach (var theme in themes)
                {
                    foreach (var (width, height) in sizes)
                    {
                        data.Add(role, theme, width, height);
                    }
                }
            }
            return data;
        }
    }

    /// <summary>Who uses each of the weekly pages, in the dark theme on a laptop and in the light theme on a phone.</summary>
    public static TheoryData<string, string, string, int, int> WeeklyPages => new()
    {
        { "leader", "dashboard", "dark", 1440, 900 },
        { "rep", "my-week", "dark", 1440, 900 },
        { "manager", "team-week", "dark", 1440, 900 },
        { "consultant", "scenario-board", "dark", 1440, 900 },
        { "leader", "dashboard", "light", 390, 844 },
        { "rep", "my-week", "light", 390, 844 },
        { "manager", "team-week", "light", 390, 844 },
        { "consultant", "scenario-board", "light", 390, 844 },
    };

    [Theory]
    [MemberData(nameof(EveryPage))]
    public async Task Every_page_a_role_reaches_passes_axe(string role, string theme, int width, int height)
    {
        await using var context = await NewDeviceAsync(theme, width, height);
        var page = await SignedInAsync(context, role);

        var pages = await PagesOfAsync(page, role);
        pages.Count.ShouldBeGreaterThanOrEqualTo(MinimumPages(role), $"{role} reaches only {string.Join(", ", pages)}");

        var failures = new List<string>();
        foreach (var url in pages)
        {
            failures.AddRange(await CheckAsync(page, role, theme, width, height, url));
        }
        failures.ShouldBeEmpty($"{role}, {theme}, {width}×{height}");
    }

    [Theory]
    [MemberData(nameof(WeeklyPages))]
    public async Task The_weekly_pages_pass_axe_in_the_dark_and_on_a_phone(string role, string name, string theme, int width, int height)
    {
        await using var context = await NewDeviceAsync(theme, width, height);
        var page = await SignedInAsync(context, role);
        var url = name switch
        {
            "dashboard" => "/organizations/1/dashboard",
            "my-week" => "/organizations/1/my-week",
            "team-week" => "/organizations/1/team-week",
            _ => await ScenarioBoardAsync(page),
        };

        var failures = await CheckAsync(page, role, theme, width, height, url);

        failures.ShouldBeEmpty();
        if (theme == "dark")
        {
            // The theme really is dark: the check above would pass trivially on a page that ignored it.
            var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
            Luminance(background).ShouldBeLessThan(0.1, background);
        }
    }

    /// <summary>Runs axe on one page and returns its serious and critical violations (and two held rules); writes the counts to the report.</summary>
    private static async Task<List<string>> CheckAsync(IPage page, string role, string theme, int width, int height, string url)
    {
        await page.GotoAsync(url);
        // The account pages are plain server-rendered forms without the app's interactive layout.
        if (!url.StartsWith("/Account/", StringComparison.Ordinal))
        {
            await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        }
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        // The pages load their figures after the first render; axe looks at them once the loading bars are gone.
        await Assertions.Expect(page.Locator(".mud-progress-linear-indeterminate, .mud-progress-circular-indeterminate")).ToHaveCountAsync(0);
        var name = PageName(url);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"a11y-{role}-{name}-{theme}-{width}x{height}.png"), FullPage = true });

        var result = await page.RunAxe();
        // Two lesser rules are held too: every page passed them once they were fixed, and they must stay fixed.
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical" || v.Id is "heading-order" or "empty-table-header")
            .Select(v => $"{url}: {v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}")
            .ToList();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") - width;
        if (overflow > 0)
        {
            serious.Add($"{url}: sticks out {overflow} px sideways at {width} px");
        }
        Report(role, theme, width, height, name, result.Violations.Select(v => (v.Impact, v.Nodes.Length, v.Id)).ToList(), overflow > 0);
        return serious;
    }

    /// <summary>
    /// What a role can open: the links of the navigation drawer, the pages every signed-in person has, and the pages one
    /// step further that the drawer does not list (a scenario, its report, a rep's week, an unknown address).
    /// </summary>
    private static async Task<List<string>> PagesOfAsync(IPage page, string role)
    {
        await page.GotoAsync("/");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        var urls = new List<string> { new Uri(page.Url).AbsolutePath };
        var drawer = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('nav a[href], .mud-drawer a[href]')].map(a => new URL(a.href).pathname)");
        var organisationLinks = drawer.Where(path => path.StartsWith("/organizations", StringComparison.Ordinal)).ToList();
        // The fixed pages below would reach any minimum on their own; a drawer that did not render must fail here.
        organisationLinks.ShouldNotBeEmpty($"the navigation drawer of {role} lists the organisation's pages");
        urls.AddRange(organisationLinks);
        urls.AddRange(["/profile", "/sources", "/Account/Manage", "/organizations/1/no-such-page"]);

        if (urls.Contains("/organizations/1/scenarios"))
        {
            var board = await ScenarioBoardAsync(page);
            urls.AddRange([board, board + "/report"]);
        }
        if (urls.Any(url => url.StartsWith("/organizations/1/team-week", StringComparison.Ordinal)))
        {
            await page.GotoAsync("/organizations/1/team-week");
            await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
            var repWeek = page.Locator("a[href*='/reps/'][href*='/weeks/']").First;
            if (await repWeek.CountAsync() > 0)
            {
                urls.Add(new Uri(new Uri(page.Url), await repWeek.GetAttributeAsync("href")).AbsolutePath);
            }
        }
        if (role == "consultant")
        {
            urls.Add("/organizations/new");
        }
        return urls.Distinct().ToList();
    }

    /// <summary>The fewest pages each role must reach, so a drawer that failed to render cannot pass with nothing checked.</summary>
    private static int MinimumPages(string role) => role switch
    {
        "rep" => 5,
        "manager" => 7,
        _ => 10,
    };

    /// <summary>A scenario board: the first one the role can see, or a new one from the dashboard's inbound recommendation.</summary>
    private static async Task<string> ScenarioBoardAsync(IPage page)
    {
        await page.GotoAsync("/organizations/1/scenarios");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => new URL(a.href).pathname)");
        if (links.FirstOrDefault(link => ScenarioAddress().IsMatch(link)) is { } existing)
        {
            return existing;
        }
        await page.GotoAsync("/organizations/1/dashboard");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        var inbound = page.Locator("[data-testid=recommendation][data-kind=SplitOutRole]").Filter(new() { HasText = "inbound qualification" });
        await inbound.Locator("[data-testid=plan-scenario]").ClickAsync();
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=create-scenario]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=scenario-title]")).ToBeVisibleAsync();
        return new Uri(page.Url).AbsolutePath;
    }

    private static string PageName(string url)
    {
        var path = url.Split('?')[0];
        var name = OrganizationPrefix().Replace(path, "").Trim('/');
        name = Digits().Replace(name, "n").Replace('/', '-');
        return path == "/" ? "start" : name.Length == 0 ? "organization" : name.ToLowerInvariant();
    }

    private static readonly Lock ReportLock = new();

    private static void Report(string role, string theme, int width, int height, string name, List<(string Impact, int Nodes, string Id)> violations, bool overflows)
    {
        if (Environment.GetEnvironmentVariable("SALESSPEC_A11Y_REPORT") is not { Length: > 0 } file)
        {
            return;
        }
        int Count(string impact) => violations.Where(v => v.Impact == impact).Sum(v => v.Nodes);
        var rules = string.Join(" ", violations.Select(v => $"{v.Id}({v.Impact})").Distinct());
        var line = string.Join('\t', role, theme, $"{width}x{height}", name,
            Count("critical").ToString(CultureInfo.InvariantCulture), Count("serious").ToString(CultureInfo.InvariantCulture),
            Count("moderate").ToString(CultureInfo.InvariantCulture), Count("minor").ToString(CultureInfo.InvariantCulture),
            overflows ? "yes" : "no", rules);
        lock (ReportLock)
        {
            File.AppendAllLines(file, [line]);
        }
    }

    private static double Luminance(string rgb)
    {
        var parts = Digits().Matches(rgb).Take(3).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture) / 255).ToArray();
        static double Linear(double c) => c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return (0.2126 * Linear(parts[0])) + (0.7152 * Linear(parts[1])) + (0.0722 * Linear(parts[2]));
    }

    private async Task<IBrowserContext> NewDeviceAsync(string theme, int width, int height)
    {
        var mobile = width < 600;
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    private static async Task<IPage> SignedInAsync(IBrowserContext context, string role)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAndLeaveAsync(page, $"{role}@demo.salesspec");
        return page;
    }

    [GeneratedRegex(@"^/organizations/\d+/scenarios/\d+$")]
    private static partial Regex ScenarioAddress();

    [GeneratedRegex(@"^/organizations/\d+")]
    private static partial Regex OrganizationPrefix();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
