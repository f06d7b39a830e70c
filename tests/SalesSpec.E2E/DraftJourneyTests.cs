using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>
/// Unsaved edits outlive the page's circuit: kept in the browser, back after a reload. (A class of its own: its
/// reloads leave circuits behind that the circuit-gauge journey must not count.)
/// </summary>
public sealed class DraftJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    [Fact]
    public async Task Unsaved_week_edits_survive_losing_the_page_and_go_once_saved()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        var demos = await OpenMyWeekAsRepAsync(page);
        var before = await demos.InputValueAsync();

        await demos.FillAsync("6.5");
        await Assertions.Expect(page.Locator("[data-testid=kept-in-browser]")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('salesspec:week-draft:'))");

        // The page (and its circuit, with the edits in server memory) is gone; a new one starts from the server.
        await page.ReloadAsync();
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=draft-restored]")).ToContainTextAsync("this browser kept them");
        await Assertions.Expect(demos).ToHaveValueAsync("6.5");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "my-week-draft-restored.png"), FullPage = true });

        await page.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Draft");
        await page.WaitForFunctionAsync("() => !Object.keys(localStorage).some(k => k.startsWith('salesspec:week-draft:'))");
        await Assertions.Expect(page.Locator("[data-testid=draft-restored]")).ToHaveCountAsync(0);
        before.ShouldNotBe("6.5");
    }

    /// <summary>Signs in as the demo rep, waits for My week to be live and returns its "Demos" cell.</summary>
    internal static async Task<ILocator> OpenMyWeekAsRepAsync(IPage page)
    {
        // Leaving a week with unsaved edits asks first; here the person says yes.
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAsync(page, "rep@demo.salesspec");
        await Browser.WaitForUrlAsync(page, "**/my-week");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        return page.GetByLabel("Demos", new() { Exact = true });
    }
}
