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

    public static TheoryData<int, int> Projectors => new()
    {
        { 1280, 720 },
        { 1920, 1080 },
    };

    /// <summary>
    /// The workshop on a projector: the board starts above the fold, the live figures stay in view while a rep is
    /// dragged (a screenshot is taken mid-drag), the dropped card says which role the rep was in, every card is at
    /// least 200 px wide with each text on one line, and projector mode gives the board the whole screen.
    /// </summary>
    [Theory]
    [MemberData(nameof(Projectors))]
    public async Task On_a_projector_the_figures_stay_in_view_while_a_rep_is_dragged(int width, int height)
    {
        var size = $"{width}x{height}";
        await using var consultant = await NewDeviceAsync(width, height, false);
        var page = await SignedInAsync(consultant, "consultant@demo.salesspec");
        await ScenarioBoardAsync(page);
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        var summary = page.Locator("[data-testid=board-summary]");
        var board = page.Locator("[data-testid=board]");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToHaveAttributeAsync("aria-labelledby", "board-summary-heading");

        // Not below the fold: the figures and the first row of cards are on the first screen.
        var firstCard = await page.Locator("[data-testid=rep-card]").First.BoundingBoxAsync();
        firstCard!.Y.ShouldBeLessThan(height - firstCard.Height, $"the cards start below the fold at {size}");
        await CheckCardsAsync(page, size);

        // Scrolled so the columns sit right under the bar, as when a consultant works down a long column: without
        // sticking, the bar would have gone off the top.
        var mrr = page.Locator("[data-testid=board-column][data-role='Market Response Rep']");
        var candidate = page.Locator("[data-testid=board-column][data-role='Full-Cycle Rep'] [data-testid=rep-card][data-candidate-for*=InboundQualification]").First;
        var email = await candidate.GetAttributeAsync("data-email");
        var columnsTop = (await page.Locator(".board-columns").BoundingBoxAsync())!.Y;
        var barBottom = await BottomOfAsync(summary);
        (columnsTop - barBottom).ShouldBeGreaterThan(20);
        // By the wheel, as a person scrolls; the page may scroll smoothly, so wait for the columns to arrive.
        await page.Mouse.MoveAsync(width / 2, height / 2);
        await page.Mouse.WheelAsync(0, columnsTop - barBottom - 8);
        var columns = page.Locator(".board-columns");
        for (var wait = 0; wait < 50 && (await columns.BoundingBoxAsync())!.Y > columnsTop - 20; wait++)
        {
            await page.WaitForTimeoutAsync(200);
        }
        (await columns.BoundingBoxAsync())!.Y.ShouldBeLessThan(columnsTop - 20, "the page did not scroll: the test would not show the bar sticks");
        ((await page.Locator(".board-columns").BoundingBoxAsync())!.Y).ShouldBeGreaterThanOrEqualTo(await BottomOfAsync(summary) - 1, "the bar covers the columns");

        await candidate.HoverAsync();
        await page.Mouse.DownAsync();
        var zone = (await mrr.Locator(".mud-drop-zone").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(zone.X + zone.Width / 2, Math.Min(zone.Y + 40, height - 20), new() { Steps = 10 });
        // Mid-drag: the bar is whole and inside the window, and the shot shows what the room sees.
        var bar = (await summary.BoundingBoxAsync())!;
        bar.Y.ShouldBeGreaterThanOrEqualTo(0, $"the summary bar went off the top while dragging at {size}");
        (bar.Y + bar.Height).ShouldBeLessThanOrEqualTo(height, $"the summary bar went off the bottom while dragging at {size}");
        bar.Height.ShouldBeLessThan(120, $"the summary bar is more than two lines high at {size}");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"board-dragging-{size}.png") });
        await page.Mouse.UpAsync();

        var moved = mrr.Locator($"[data-testid=rep-card][data-email='{email}']");
        await Assertions.Expect(moved.Locator("[data-testid=rep-card-where]")).ToHaveTextAsync("was Full-Cycle Rep");
        await Assertions.Expect(page.Locator("[data-testid=unsaved]")).ToBeVisibleAsync();
        await CheckCardsAsync(page, size);

        // Projector mode: the app's bar and menu go, the board gets the whole width; Escape brings them back.
        var toggle = page.Locator("[data-testid=projector-toggle]");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        // The main area slides into the drawer's place (MudBlazor animates its margin), so wait for it to arrive.
        for (var wait = 0; wait < 50 && (await board.BoundingBoxAsync())!.X >= 60; wait++)
        {
            await page.WaitForTimeoutAsync(100);
        }
        (await board.BoundingBoxAsync())!.X.ShouldBeLessThan(60, "projector mode leaves room for the menu");
        await CheckCardsAsync(page, size);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"board-projector-{size}.png") });
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, $"the board in projector mode sticks out sideways at {size}");
        await AccountJourneyTests.CheckAccessibilityAsync(page);

        await page.Locator("[data-testid=scenario-title]").ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeVisibleAsync();
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, $"the board sticks out sideways at {size}");
    }

    private static async Task<float> BottomOfAsync(ILocator locator)
    {
        var box = (await locator.BoundingBoxAsync())!;
        return box.Y + box.Height;
    }

    /// <summary>Every card at least 200 px wide, and its name and its team (or former role) each on one line.</summary>
    private static async Task CheckCardsAsync(IPage page, string size)
    {
        var cards = await page.EvaluateAsync<CardSize[]>("""
            () => [...document.querySelectorAll('[data-testid=rep-card]')].map(card => {
                const lines = [...card.querySelectorAll('.rep-name-text, [data-testid=rep-card-where]')]
                    .filter(line => line.textContent.trim() !== '')
                    .map(line => line.getBoundingClientRect().height / parseFloat(getComputedStyle(line).fontSize));
                return { Email: card.dataset.email, Width: card.getBoundingClientRect().width, Tallest: Math.max(0, ...lines) };
            })
            """);
        cards.ShouldNotBeEmpty();
        foreach (var card in cards)
        {
            card.Width.ShouldBeGreaterThanOrEqualTo(200, $"{card.Email}'s card at {size}");
            // One line is about 1.2–1.5 font sizes high; two lines would be 2.4 or more.
            card.Tallest.ShouldBeLessThan(2, $"{card.Email}'s card wraps at {size}");
        }
    }

    // Settable properties: Playwright fills a result type through its parameterless constructor.
    private sealed class CardSize
    {
        public string Email { get; set; } = "";

        public double Width { get; set; }

        public double Tallest { get; set; }
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
