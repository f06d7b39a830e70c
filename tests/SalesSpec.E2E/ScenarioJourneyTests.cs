using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>
/// The demo consultant's workshop: start a scenario from the inbound recommendation, move its candidates
/// to Market Response Rep (one by drag and drop), watch the inbound gap close and an hour of qualification
/// get cheaper, add an external SDR, save, compare with today and print the report.
/// </summary>
public sealed class ScenarioJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    private const string HideAppBar = ".mud-appbar { display: none !important; }";

    private static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);

    [Fact]
    public async Task The_consultant_plans_an_inbound_team_compares_it_with_today_and_prints_the_report()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAsync(page, "consultant@demo.salesspec");
        await Assertions.Expect(page.Locator("[data-testid=organization-card]")).ToHaveCountAsync(2);

        // From the dashboard's inbound recommendation to a new scenario.
        await page.GotoAsync("/organizations/1/dashboard");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        var inbound = page.Locator("[data-testid=recommendation][data-kind=SplitOutRole]").Filter(new() { HasText = "inbound qualification" });
        await inbound.Locator("[data-testid=plan-scenario]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Scenarios");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=no-scenarios]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync("Inbound qualification as its own role");
        await page.ScreenshotAsync(new() { Path = Shot("scenarios.png"), FullPage = true });
        await page.Locator("[data-testid=create-scenario]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=scenario-title]")).ToHaveTextAsync("Inbound qualification as its own role");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        var gap = page.Locator("[data-testid=gap-InboundQualification]");
        var hourCost = page.Locator("[data-testid=hour-cost-InboundQualification] [data-testid=hour-cost-scenario]");
        var gapToday = Number(await gap.InnerTextAsync());
        var costToday = Number(await hourCost.InnerTextAsync());
        Assert.True(gapToday < 0, $"Today nobody's core job is inbound, so its gap is negative; got {gapToday}.");
        var inboundCandidates = page.Locator("[data-testid=rep-card][data-candidate-for*=InboundQualification]");
        var candidateCount = await inboundCandidates.CountAsync();
        Assert.Equal(3, candidateCount);
        Assert.Equal(candidateCount, await inboundCandidates.Locator("[data-testid=candidate-star]").CountAsync());
        // Counted before any move: while a move re-renders, a card can briefly show in both columns.
        var cards = await page.Locator("[data-testid=rep-card]").CountAsync();

        // One candidate by drag and drop onto the Market Response Rep column; a tall window keeps both in
        // view, as a drag that scrolls the page can pick up another card than the one pressed.
        await page.SetViewportSizeAsync(1440, 2400);
        var mrrColumn = page.Locator("[data-testid=board-column][data-role='Market Response Rep']");
        var first = inboundCandidates.First;
        var firstEmail = await first.GetAttributeAsync("data-email");
        await first.HoverAsync();
        await page.Mouse.DownAsync();
        var zone = await mrrColumn.Locator(".mud-drop-zone").BoundingBoxAsync();
        await page.Mouse.MoveAsync(zone!.X + zone.Width / 2, zone.Y + 40, new() { Steps = 10 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(mrrColumn.Locator($"[data-testid=rep-card][data-email='{firstEmail}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=unsaved]")).ToBeVisibleAsync();
        Assert.True(Number(await gap.InnerTextAsync()) > gapToday, "One Market Response Rep narrows the inbound gap.");
        await page.SetViewportSizeAsync(1440, 1000);

        // The rest in one go: three candidates (the analyzer names up to three) narrow the gap but do not close it.
        await page.Locator("[data-testid=move-candidates]").ClickAsync();
        await Assertions.Expect(mrrColumn.Locator("[data-testid=rep-card]")).ToHaveCountAsync(candidateCount);
        await Assertions.Expect(page.Locator("[data-testid=focus-staffing]")).ToContainTextAsync($"{candidateCount} of 5 people suggested");

        // Three more Full-Cycle Reps, by the card's menu (the keyboard's way), close it.
        for (var moved = 0; moved < 3; moved++)
        {
            await page.Locator("[data-testid=board-column][data-role='Full-Cycle Rep'] [data-testid=card-menu]").First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-menu-item, .mud-popover-open .mud-list-item").Filter(new() { HasText = "Move to Market Response Rep" }).ClickAsync();
            await Assertions.Expect(mrrColumn.Locator("[data-testid=rep-card]")).ToHaveCountAsync(candidateCount + moved + 1);
        }
        await Assertions.Expect(gap).Not.ToContainTextAsync("−");
        Assert.True(Number(await gap.InnerTextAsync()) >= 0, $"Six Market Response Reps close the inbound gap; got {await gap.InnerTextAsync()}.");
        var costAfter = Number(await hourCost.InnerTextAsync());
        Assert.True(costAfter < costToday, $"An hour of qualification gets cheaper: {costToday} before, {costAfter} after.");
        var movedReps = candidateCount + 3;

        // Undo takes the last step back; redo it by the button again.
        await page.Locator("[data-testid=undo]").ClickAsync();
        await Assertions.Expect(mrrColumn.Locator("[data-testid=rep-card]")).ToHaveCountAsync(movedReps - 1);
        await Assertions.Expect(gap).ToContainTextAsync("−");
        await page.Locator("[data-testid=board-column][data-role='Full-Cycle Rep'] [data-testid=card-menu]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-menu-item, .mud-popover-open .mud-list-item").Filter(new() { HasText = "Move to Market Response Rep" }).ClickAsync();
        await Assertions.Expect(mrrColumn.Locator("[data-testid=rep-card]")).ToHaveCountAsync(movedReps);

        // Finding a rep on the board draws only the matches; the numbers still count everyone.
        var gapNow = await gap.InnerTextAsync();
        await page.Locator("input[data-testid=board-search]").FillAsync("Ruiz");
        await Assertions.Expect(page.Locator("[data-testid=rep-card]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=rep-card]")).ToContainTextAsync("Ana Ruiz");
        await Assertions.Expect(gap).ToHaveTextAsync(gapNow);
        await page.Locator("input[data-testid=board-search]").FillAsync("");
        await Assertions.Expect(page.Locator("[data-testid=rep-card]")).ToHaveCountAsync(cards);

        // An external SDR, starting in the plan's second month.
        await page.Locator("[data-testid=hire-role]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Sales Development Rep" }).ClickAsync();
        // The role list closes before the month list opens: items of both must not be mixed up.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=hire-start]").ClickAsync();
        var secondMonth = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex(@"^\s*[A-Z][a-z]{2} \d{4}\s*$") }).Nth(1);
        var secondMonthName = (await secondMonth.InnerTextAsync()).Trim();
        await secondMonth.ClickAsync();
        // On a loaded machine the choice reaches the server after a moment: adding before then adds a hire in month 1.
        await Assertions.Expect(page.GetByLabel("Starts", new() { Exact = true })).ToHaveTextAsync(secondMonthName);
        await page.Locator("[data-testid=add-hire]").ClickAsync();
        var sdrColumn = page.Locator("[data-testid=board-column][data-role='Sales Development Rep']");
        await Assertions.Expect(sdrColumn.Locator("[data-testid=hire-card]")).ToContainTextAsync("1 new · external");
        await Assertions.Expect(page.Locator("[data-testid=internal-share]")).ToContainTextAsync(
            Percent((decimal)movedReps / (movedReps + 1)));

        await page.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=unsaved]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("scenario-board.png"), FullPage = true });
        await page.Locator("[data-testid=board]").ScreenshotAsync(new() { Path = Shot("scenario-board-columns.png"), Style = HideAppBar });

        await page.GetByRole(AriaRole.Tab, new() { Name = "Capacity over time" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=capacity-OutboundProspecting] td").Nth(1)).ToHaveTextAsync("0");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Hand-off map" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=handoff-label]")).ToHaveCountAsync(5);
        await page.Locator("input[data-testid=handoff-input]").Nth(2).FillAsync("Meeting booked, budget confirmed");
        await page.Locator("input[data-testid=handoff-input]").Nth(2).PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid=handoff-label]").Nth(2)).ToContainTextAsync("Meeting booked, budget confirmed");
        await page.Locator("[data-testid=scenario-tabs]").ScreenshotAsync(new() { Path = Shot("scenario-handoffs.png"), Style = HideAppBar });
        await page.GetByRole(AriaRole.Tab, new() { Name = "Staffing plan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=staffing-moves]")).ToHaveTextAsync(movedReps.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-testid=career-path]").First).ToContainTextAsync("Account Manager");
        await page.Locator("[data-testid=scenario-tabs]").ScreenshotAsync(new() { Path = Shot("scenario-staffing.png"), Style = HideAppBar });
        await page.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=unsaved]")).ToHaveCountAsync(0);

        // Compare with today.
        await page.Locator("[data-testid=compare-today]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=comparison-column]")).ToHaveTextAsync(["Today", "Inbound qualification as its own role"]);
        await Assertions.Expect(page.Locator("[data-testid=row-gap-InboundQualification] td").Nth(1)).ToContainTextAsync("−");
        await Assertions.Expect(page.Locator("[data-testid=row-gap-InboundQualification] td").Nth(2)).Not.ToContainTextAsync("−");
        await page.ScreenshotAsync(new() { Path = Shot("scenario-compare.png"), FullPage = true });

        // The workshop report, as the browser would print it.
        // The link is clicked only once the page is interactive: a click while the circuit is still starting
        // can leave the next page in its prerendered loading state.
        await page.GotoAsync("/organizations/1/scenarios");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=scenario-link]").First.ClickAsync();
        await Browser.WaitForUrlAsync(page, new Regex(@"/scenarios/\d+$"));
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=report]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=report-title]")).ToHaveTextAsync("Inbound qualification as its own role");
        await Assertions.Expect(page.Locator("[data-testid=workshop-report] [data-testid=handoff-label]").Nth(2)).ToContainTextAsync("Meeting booked, budget confirmed");
        // The report is a static document: its HTML holds no interactive component (the board's does), so an open report
        // holds no circuit on the server; printing runs in the browser.
        await Assertions.Expect(page.Locator("[data-rendering=static]")).ToHaveCountAsync(1);
        var reportHtml = await (await page.APIRequest.GetAsync(new Uri(page.Url).AbsolutePath)).TextAsync();
        reportHtml.ShouldContain("data-testid=\"report-title\"");
        reportHtml.ShouldNotContain("\"type\":\"server\"");
        var boardHtml = await (await page.APIRequest.GetAsync(new Uri(page.Url).AbsolutePath[..^"/report".Length])).TextAsync();
        boardHtml.ShouldContain("\"type\":\"server\"");
        await page.EvaluateAsync("() => { window.printed = 0; window.print = () => window.printed++; }");
        await page.Locator("[data-testid=print]").ClickAsync();
        await page.WaitForFunctionAsync("() => window.printed === 1");
        await page.ScreenshotAsync(new() { Path = Shot("scenario-report-screen.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await page.ScreenshotAsync(new() { Path = Shot("scenario-report.png"), FullPage = true });
        var pdf = await page.PdfAsync(new() { Path = Shot("scenario-report.pdf"), Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 20_000, $"The report prints to a real PDF; got {pdf.Length} bytes.");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // The scenario to take away.
        var csv = await page.APIRequest.GetAsync($"/api/v1/organizations/1/scenarios/{ScenarioId(page.Url)}/export.csv");
        Assert.Equal(200, csv.Status);
        var text = await csv.TextAsync();
        Assert.StartsWith("email,name,team,current_role,scenario_role,change", text, StringComparison.Ordinal);
        Assert.Contains(",Sales Development Rep,external hire,", text, StringComparison.Ordinal);
    }

    private static string ScenarioId(string url) => url.Split("/scenarios/")[1].Split('/')[0];

    private static string Percent(decimal share) => (share * 100m).ToString("0", CultureInfo.InvariantCulture) + " %";

    /// <summary>The number in a cell like "−12.5" or "+3" or "77.90".</summary>
    private static decimal Number(string text)
    {
        var cleaned = text.Trim().Replace("−", "-", StringComparison.Ordinal).Replace("+", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        return decimal.Parse(cleaned.Split(' ')[0], NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
