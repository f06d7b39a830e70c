using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>
/// A rep whose browser speaks German types hours the German way: "7,5" is seven and a half hours, a cell that cannot be
/// read is marked with the reason and gets the keyboard when saving is refused, and the week comes back as "7,5".
/// (A class of its own: its own app, so the current week is still empty.)
/// </summary>
public sealed class DecimalCommaJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    private static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);

    private static async Task<IPage> SignedInPageAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAndLeaveAsync(page, email);
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task A_rep_with_a_german_browser_types_decimal_commas_and_a_refused_cell_gets_the_keyboard()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            ColorScheme = ColorScheme.Light,
            Locale = "de-DE",
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var rep = await SignedInPageAsync(context, "rep@demo.salesspec");
        await rep.GotoAsync(new Uri(app.BaseAddress, await rep.Locator("[data-testid=nav-my-week]").GetAttributeAsync("href")).ToString());
        await OverviewJourneyTests.WaitUntilInteractiveAsync(rep);
        var cells = rep.Locator("[data-testid=week-line] input");
        await Assertions.Expect(cells.First).ToBeFocusedAsync();
        for (var i = 0; i < await cells.CountAsync(); i++)
        {
            await cells.Nth(i).FillAsync("");
        }

        var lines = rep.Locator("[data-testid=week-line]");
        var (first, second) = (await lines.Nth(0).GetAttributeAsync("data-activity"), await lines.Nth(1).GetAttributeAsync("data-activity"));
        await cells.Nth(0).FillAsync("7,5");
        await cells.Nth(1).FillAsync("1.123");
        await Assertions.Expect(rep.Locator("[data-testid=week-total]")).ToHaveTextAsync("7.5 h");
        await Assertions.Expect(rep.Locator("[data-testid=week-line]").Nth(1)).ToContainTextAsync("At most 2 decimals: 7.55, not 1.123.");
        await cells.Nth(0).FocusAsync();
        await rep.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(rep.Locator("[data-testid=save-error]")).ToHaveTextAsync("Fix the marked entry first; nothing was saved.");
        await Assertions.Expect(cells.Nth(1)).ToBeFocusedAsync();
        await rep.ScreenshotAsync(new() { Path = Shot("my-week-refused-cell.png"), FullPage = true });
        await AccountJourneyTests.CheckAccessibilityAsync(rep);

        await cells.Nth(1).FillAsync("2,25");
        await rep.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(rep.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Draft");
        await rep.ReloadAsync();
        await OverviewJourneyTests.WaitUntilInteractiveAsync(rep);
        // Shown back with the browser's decimal comma.
        await Assertions.Expect(rep.Locator("[data-testid=week-total]")).ToHaveTextAsync("9.75 h");
        await Assertions.Expect(rep.Locator($"[data-testid=week-line][data-activity='{first}'] input")).ToHaveValueAsync("7,5");
        await Assertions.Expect(rep.Locator($"[data-testid=week-line][data-activity='{second}'] input")).ToHaveValueAsync("2,25");
    }

    [Fact]
    public async Task A_german_browser_user_who_prefers_a_decimal_point_sets_it_on_the_profile()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            ColorScheme = ColorScheme.Light,
            Locale = "de-DE",
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await SignedInPageAsync(context, "manager@demo.salesspec");
        await page.GotoAsync("/profile");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=number-preference]")).ToContainTextAsync("As my browser's language says (here: 7,5)");

        await page.GetByLabel("7.5 — a decimal point").CheckAsync();
        await page.Locator("[data-testid=save-mark]").ClickAsync();

        // The page loads again and shows the choice; it holds for every page from now on.
        await Assertions.Expect(page.GetByLabel("7.5 — a decimal point")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-testid=number-preference]")).Not.ToContainTextAsync("(here:");
        await page.ScreenshotAsync(new() { Path = Shot("profile-numbers.png"), FullPage = true });
        await AccountJourneyTests.CheckAccessibilityAsync(page);
    }
}
