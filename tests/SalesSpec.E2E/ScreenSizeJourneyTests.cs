using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>
/// The pages that were split into components, as a VP sees them on a projector (1280×720) and on a phone
/// (390×844): each one renders its heading, nothing sticks out sideways (the board's columns scroll inside
/// their own strip), axe finds no serious or critical violation, and a screenshot is kept to look at.
/// </summary>
public sealed class ScreenSizeJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    public static TheoryData<string, int, int> Screens => new()
    {
        { "projector", 1280, 720 },
        { "phone", 390, 844 },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task The_split_pages_fit_the_screen_and_pass_axe(string screen, int width, int height)
    {
        var mobile = width < 600;
        await using var consultant = await NewDeviceAsync(width, height, mobile);
        var page = await SignedInAsync(consultant, "consultant@demo.salesspec");
        var board = await ScenarioBoardAsync(page);

        var pages = new List<(string Name, string Url)>
        {
            ("dashboard", "/organizations/1/dashboard"),
            ("import", "/organizations/1/import"),
            ("crm-import", "/organizations/1/import/crm"),
            ("scenarios", "/organizations/1/scenarios"),
            ("scenario-board", board),
        };
        foreach (var (name, url) in pages)
        {
            await CheckAsync(page, name, url, screen, width);
        }

        await using var manager = await NewDeviceAsync(width, height, mobile);
        await CheckAsync(await SignedInAsync(manager, "manager@demo.salesspec"), "team-week", "/organizations/1/team-week", screen, width);
        await using var rep = await NewDeviceAsync(width, height, mobile);
        await CheckAsync(await SignedInAsync(rep, "rep@demo.salesspec"), "my-week", "/organizations/1/my-week", screen, width);
    }

    private static async Task CheckAsync(IPage page, string name, string url, string screen, int width)
    {
        await page.GotoAsync(url);
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-alert-filled-error, [data-testid=no-access]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"{name}-{screen}.png"), FullPage = true });
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        scrollWidth.ShouldBeLessThanOrEqualTo(width, $"{name} sticks out sideways on the {screen} ({width} px wide)");
        await AccountJourneyTests.CheckAccessibilityAsync(page);
    }

    /// <summary>A scenario of the consultant's own, started from the dashboard's inbound recommendation.</summary>
    private static async Task<string> ScenarioBoardAsync(IPage page)
    {
        await page.GotoAsync("/organizations/1/dashboard");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        var inbound = page.Locator("[data-testid=recommendation][data-kind=SplitOutRole]").Filter(new() { HasText = "inbound qualification" });
        await inbound.Locator("[data-testid=plan-scenario]").ClickAsync();
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=create-scenario]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=scenario-title]")).ToBeVisibleAsync();
        return new Uri(page.Url).PathAndQuery;
    }

    private static async Task<IPage> SignedInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAndLeaveAsync(page, email);
        return page;
    }

    private async Task<IBrowserContext> NewDeviceAsync(int width, int height, bool mobile)
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }
}
