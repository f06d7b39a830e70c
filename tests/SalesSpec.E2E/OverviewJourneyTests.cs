using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>A sales VP opens SalesSpec for the first time and looks at the demo organisation.</summary>
public sealed class OverviewJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    [Fact]
    public async Task A_visitor_lands_on_the_demo_organisation_and_sees_its_reps()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        await Browser.WaitForUrlAsync(page, "**/Account/Login**");
        await Assertions.Expect(page.Locator("[data-testid=demo-accounts]")).ToContainTextAsync("leader@demo.salesspec");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "sign-in.png"), FullPage = true });
        await SignInAsync(page, "leader@demo.salesspec");

        // A VP lands on the dashboard; the overview is one address up.
        await Browser.WaitForUrlAsync(page, "**/organizations/*/dashboard");
        await page.GotoAsync(page.Url[..^"/dashboard".Length]);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Northwind Cloud");
        // The overview is read-only, so it renders statically: no circuit holds the page.
        await Assertions.Expect(page.Locator("[data-rendering=static] .static-bar")).ToContainTextAsync("SalesSpec");
        var rows = page.Locator("[data-testid=reps-grid] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(20);
        await Assertions.Expect(rows.Filter(new() { HasText = "Tara Usman" })).ToContainTextAsync("11 / 12");
        await Assertions.Expect(page.Locator("[data-testid=team]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=reps-range]")).ToHaveTextAsync("1–20 of 20");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "overview.png"), FullPage = true });

        // The search is a plain form: Enter puts it in the address and the server filters the list.
        await page.GetByLabel("Search reps").FillAsync("Account Executive");
        await page.GetByLabel("Search reps").PressAsync("Enter");
        await Browser.WaitForUrlAsync(page, "**?q=Account+Executive**");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.First).ToContainTextAsync("Ana Ruiz");

        // A column's header sorts by it; a second press turns the order round, and the search stays.
        await page.Locator("[data-testid=sort-hours]").ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort=ascending]")).ToContainTextAsync("Hours");
        var ascending = await HoursAsync(rows);
        ascending.ShouldBe(ascending.Order().ToList());
        await page.Locator("[data-testid=sort-hours]").ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort=descending]")).ToContainTextAsync("Hours");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        (await HoursAsync(rows)).ShouldBe(ascending.AsEnumerable().Reverse().ToList());
        await Assertions.Expect(page.GetByLabel("Search reps")).ToHaveValueAsync("Account Executive");
    }

    private static async Task<List<decimal>> HoursAsync(ILocator rows) =>
        (await rows.Locator("td:nth-child(5)").AllTextContentsAsync())
        .Select(text => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task The_dark_theme_can_be_switched_on()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await SignInAsync(page, "leader@demo.salesspec");
        await WaitUntilInteractiveAsync(page);
        var lightBackground = await BackgroundAsync(page);

        // The leader lands on the dashboard, a static page: its toggle keeps the choice in a cookie and loads it again.
        await page.Locator("[data-testid=theme-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator(".static-shell[data-theme=dark]")).ToHaveCountAsync(1);
        var darkBackground = await BackgroundAsync(page);
        darkBackground.ShouldNotBe(lightBackground);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "overview-dark.png"), FullPage = true });

        // The choice holds on an interactive page too, and switching back there holds on the static pages.
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile and API tokens" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your profile");
        await WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".mud-layout.theme-dark")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=theme-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-layout.theme-dark")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator(".static-shell[data-theme=light]")).ToHaveCountAsync(1);
        (await BackgroundAsync(page)).ShouldBe(lightBackground);
    }

    [Fact]
    public async Task Health_answers_on_the_real_server()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });

        var response = await context.APIRequest.GetAsync("/health");

        response.Status.ShouldBe(200);
        (await response.TextAsync()).ShouldBe("Healthy");
    }

    internal static async Task SignInAsync(IPage page, string email, string password = "Demo-1234!")
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>
    /// Signs in and waits until the browser has left the sign-in page. A run that stays there fails with what the page
    /// says and a screenshot, so a rare failure on a busy machine can be told from a refused sign-in.
    /// </summary>
    internal static async Task SignInAndLeaveAsync(IPage page, string email, string password = "Demo-1234!")
    {
        await SignInAsync(page, email, password);
        try
        {
            await Browser.WaitForUrlAsync(page, url => !url.Contains("/Account/Login", StringComparison.Ordinal), 45_000);
        }
        catch (TimeoutException exception)
        {
            var shot = Path.Combine(Browser.ScreenshotFolder, $"sign-in-stuck-{email.Split('@')[0]}.png");
            await page.ScreenshotAsync(new() { Path = shot, FullPage = true, Timeout = 10_000 });
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 10_000 });
            throw new TimeoutException(
                $"Still on {page.Url} 45 s after signing in as {email}. The page says: {text.ReplaceLineEndings(" ")[..Math.Min(text.Length, 600)]} (screenshot: {shot})",
                exception);
        }
    }

    /// <summary>
    /// Until the page's circuit is live — or, for a page that renders statically (the report, the audit log, the
    /// overview), until its layout is there and its live island in the bar, if it has one, is connected.
    /// </summary>
    internal static Task WaitUntilInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator(".mud-layout[data-interactive=true], [data-rendering=static]:not(:has([data-interactive=false]))")).ToHaveCountAsync(1);

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
