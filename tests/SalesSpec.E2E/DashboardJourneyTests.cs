using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>The demo leader's Monday: the dashboard, a what-if on the threshold, one rep's details, the printed handout.</summary>
public sealed class DashboardJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    private static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);

    [Fact]
    public async Task The_leader_sees_the_inbound_recommendation_tries_a_higher_line_opens_a_rep_and_prints()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAsync(page, "leader@demo.salesspec");
        await Browser.WaitForUrlAsync(page, "**/organizations/**");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);

        await page.Locator("[data-testid=nav-dashboard]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Northwind Cloud");
        await Assertions.Expect(page.Locator("[data-testid=period]")).ToContainTextAsync("12 weeks · whole organisation");
        var inbound = page.Locator("[data-testid=recommendation][data-kind=SplitOutRole]");
        await Assertions.Expect(inbound.Locator("[data-testid=recommendation-title]")).ToHaveTextAsync("Break out inbound qualification into its own role");
        await Assertions.Expect(inbound.Locator("[data-testid=evidence]")).ToContainTextAsync("hours a week");
        await Assertions.Expect(inbound.Locator("[data-testid=candidate]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=rep-bar]")).ToHaveCountAsync(19);
        await page.ScreenshotAsync(new() { Path = Shot("dashboard.png"), FullPage = true });

        // The page is static: the slider's moves are requests whose figures are swapped in, without a page load, the
        // focus staying on the slider and the line written into the address.
        await page.EvaluateAsync("() => window.samePage = true");
        var slider = page.Locator("[data-testid=threshold-slider]");
        await slider.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(page.Locator("[data-testid=threshold-value]")).ToHaveTextAsync("30 %");
        await Assertions.Expect(page.Locator("[data-testid=recommendation][data-kind=SplitOutRole]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#what-if-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^At 30 %: \\d+ recommendations?\\.$"));
        await Browser.WaitForUrlAsync(page, "**/dashboard?weeks=12&line=30");
        (await page.EvaluateAsync<bool>("() => window.samePage === true")).ShouldBeTrue("the move swapped the figures in, it did not load the page");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("what-if-line");
        // The move asked for the parts that follow the line only (PartsRequest): fewer bytes than the page, and what
        // does not follow the line (the charts, the bar) stays as it was.
        var sizes = await page.EvaluateAsync<double[]>(
            "() => [performance.getEntriesByType('resource').filter(e => e.initiatorType === 'fetch').pop().decodedBodySize, performance.getEntriesByType('navigation')[0].decodedBodySize]");
        sizes[0].ShouldBeGreaterThan(0);
        sizes[0].ShouldBeLessThan(sizes[1] * 2 / 3);
        await Assertions.Expect(page.Locator("[data-testid=workload-mix]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=weekly-trend]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("header.static-bar")).ToBeVisibleAsync();
        // The parts were brought to the new figures element by element (a recommendation went): they are now what the
        // server renders at that line.
        (await PartsDifferingFromTheServerAsync(page)).ShouldBeEmpty();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Browser.WaitForUrlAsync(page, "**/dashboard?weeks=12&line=29");
        await Assertions.Expect(page.Locator("[data-testid=what-if-note]")).ToContainTextAsync("80/20 line of 29 %");
        await page.ScreenshotAsync(new() { Path = Shot("dashboard-threshold-30.png"), FullPage = true });
        // Quick moves: a newer one cancels the older still on its way, and the page ends at the last.
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowLeft");
        }
        await Browser.WaitForUrlAsync(page, "**/dashboard?weeks=12&line=26");
        await Assertions.Expect(page.Locator("[data-testid=what-if-note]")).ToContainTextAsync("80/20 line of 26 %");
        await Assertions.Expect(page.Locator("#what-if-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^At 26 %: "));
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("what-if-line");
        // What names the page's own address follows it: the skip link stays on this page at this line.
        (await page.Locator("[data-testid=skip-link]").GetAttributeAsync("href"))!.ShouldEndWith("/dashboard?weeks=12&line=26#main");
        (await PartsDifferingFromTheServerAsync(page)).ShouldBeEmpty();
        (await page.EvaluateAsync<bool>("() => window.samePage === true")).ShouldBeTrue();
        // A reload keeps the line; "Back" goes to the organisation's.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=threshold-value]")).ToHaveTextAsync("26 %");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to 20 %" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=threshold-value]")).ToHaveTextAsync("20 %");
        await Assertions.Expect(page.Locator("[data-testid=recommendation][data-kind=SplitOutRole]")).ToHaveCountAsync(1);

        // A rep's details open by their address and take the focus; Escape closes them.
        await page.Locator("[data-testid=rep-bar] .rep-bar-name").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rep-drilldown]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=drilldown-weeks]")).ToContainTextAsync("/ 12");
        await Assertions.Expect(page.Locator("#rep-details")).ToBeFocusedAsync();
        await page.ScreenshotAsync(new() { Path = Shot("dashboard-rep.png"), FullPage = true });
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=rep-drilldown]")).ToHaveCountAsync(0);
        new Uri(page.Url).Query.ShouldNotContain("rep=");
        // Back where the rep was opened from, not at the top of the page.
        await Assertions.Expect(page.Locator("#dashboard-rep-shares")).ToBeFocusedAsync();

        // The scope is a form: another team keeps the period.
        await page.Locator("[data-testid=period-picks] a", new() { HasTextString = "26 weeks" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=period]")).ToContainTextAsync("26 weeks");
        await page.Locator("[data-testid=scope]").SelectOptionAsync("Commercial");
        await page.Locator("[data-testid=scope-show]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Commercial");
        await Assertions.Expect(page.Locator("[data-testid=period]")).ToContainTextAsync("26 weeks · team of Northwind Cloud");

        // The export menu opens and closes with the keyboard.
        await page.Locator("[data-testid=export] summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var csv = page.GetByRole(AriaRole.Link, new() { Name = "Reps as CSV" });
        await Assertions.Expect(csv).ToBeVisibleAsync();
        (await csv.GetAttributeAsync("href"))!.ShouldContain("team=Commercial");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(csv).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".static-nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=what-if]")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Shot("dashboard-print.png"), FullPage = true });
    }

    [Fact]
    public async Task The_rep_gets_their_own_figures_not_the_teams()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAsync(page, "rep@demo.salesspec");
        await Browser.WaitForUrlAsync(page, "**/organizations/*/my-week");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);

        await page.GotoAsync(page.Url.Replace("/my-week", "/dashboard", StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your figures");
        await Assertions.Expect(page.Locator("[data-testid=recommendation]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=advice]")).ToBeVisibleAsync();
    }

    /// <summary>
    /// The ids of the parts that follow the line whose markup differs from what the server renders at the page's
    /// address now (MudBlazor's random element ids aside).
    /// </summary>
    private static Task<string[]> PartsDifferingFromTheServerAsync(IPage page) => page.EvaluateAsync<string[]>("""
        async () => {
            const html = await (await fetch(location.href, { headers: { "X-SalesSpec-Parts": "follows-line" } })).text();
            const served = [...new DOMParser().parseFromString(html, "text/html").querySelectorAll("[data-follows-line]")];
            const shown = [...document.querySelectorAll("[data-follows-line]")];
            const plain = part => part.outerHTML.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "");
            if (served.length !== shown.length) {
                return ["(" + shown.length + " parts shown, " + served.length + " served)"];
            }
            return shown.filter((part, i) => plain(part) !== plain(served[i])).map(part => part.id);
        }
        """);
}
