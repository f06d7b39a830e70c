using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>The demo consultant has only the client's Salesforce export: preview it, teach the rules about the unmatched records, import.</summary>
public sealed class CrmImportJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    private static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "crm", "salesforce", name);

    [Fact]
    public async Task The_consultant_previews_a_Salesforce_export_adds_a_rule_saves_it_and_imports()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAsync(page, "consultant@demo.salesspec");
        await Assertions.Expect(page.Locator("[data-testid=organization-card]")).ToHaveCountAsync(2);
        await page.GotoAsync("/organizations/1/import");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=open-crm-import]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("CRM activity import");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=rules-state]")).ToContainTextAsync("The default rules");

        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator("[data-testid=choose-files]").ClickAsync());
        await chooser.SetFilesAsync([Fixture("Task.csv"), Fixture("Event.csv"), Fixture("User.csv")]);

        await Assertions.Expect(page.Locator("[data-testid=preview-title]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=chosen-files]")).ToContainTextAsync("Task.csv · Salesforce tasks");
        await Assertions.Expect(page.Locator("[data-testid=preview-reps] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=preview-reps] tbody tr").Nth(1)).ToContainTextAsync("Quinn Harper");
        await Assertions.Expect(page.Locator("[data-testid=preview-skipped]")).ToContainTextAsync("No rule matched: 2");
        await Assertions.Expect(page.Locator("[data-testid=preview-skipped-sample]")).ToContainTextAsync("Lunch with prospect");
        await page.ScreenshotAsync(new() { Path = Shot("crm-preview.png"), FullPage = true });

        // The two unmatched records are admin time: a last rule says so.
        await page.Locator("[data-testid=add-rule]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rule-row]")).ToHaveCountAsync(18);
        await page.GetByLabel("Rule 18 keywords").FillAsync("CRM notes, lunch");
        await page.GetByLabel("Rule 18 keywords").PressAsync("Tab");
        await page.GetByLabel("Rule 18 activity").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "CRM and admin" }).ClickAsync();
        // Previewing before the server has the choice previews the old rule: the list closes once it has it.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Rule 18 activity")).ToHaveValueAsync(new Regex("CRM and admin"));
        await Assertions.Expect(page.Locator("[data-testid=rules-state]")).ToContainTextAsync("unsaved changes");

        await page.Locator("[data-testid=preview]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=progress]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=preview-skipped]")).Not.ToContainTextAsync("No rule matched");
        // A preview older than the rules on screen cannot be imported; this one must be current.
        await Assertions.Expect(page.Locator("[data-testid=preview-stale]")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=save-rules]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rules-saved]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=rules-state]")).ToContainTextAsync("Saved rules, version 1");
        // The sticky app bar would cover the card's top once the card is scrolled into view.
        await page.Locator("[data-testid=crm-rules]").ScreenshotAsync(new() { Path = Shot("crm-rules.png"), Style = ".mud-appbar { display: none !important; }" });

        await page.Locator("[data-testid=commit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=imported]")).ToContainTextAsync("Imported 16 CRM records as 3 rep-weeks from 2026-W46 to 2026-W47");
        await page.Locator("[data-testid=open-dashboard]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=period]")).ToContainTextAsync("2 weeks");
    }
}
