using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>The demo consultant brings a client's summer time logs: a file with mistakes first, then the fixed one.</summary>
public sealed class ImportJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    private static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);

    private static readonly string[] Reps =
    [
        "ana.ruiz@northwind.test", "chloe.diaz@northwind.test", "hugo.ito@northwind.test",
        "kara.lopez@northwind.test", "olivia.patel@northwind.test", "rosa.silva@northwind.test",
    ];

    private static readonly (string Activity, decimal Hours)[] Week =
    [
        ("Qualify inbound leads", 11), ("Respond to web inquiries", 4), ("Discovery calls", 6), ("Demos", 7),
        ("Proposals and negotiation", 4), ("Renewals", 2), ("CRM and admin", 4.5m), ("Internal meetings", 1.5m),
    ];

    /// <summary>Four summer weeks for six reps and one new hire; with <paramref name="mistakes"/>, three lines a consultant would get wrong.</summary>
    private static byte[] ClientFile(bool mistakes)
    {
        var text = new StringBuilder("week,rep_email,rep_name,team,role,activity,hours\n");
        for (var week = 30; week <= 33; week++)
        {
            foreach (var rep in Reps)
            {
                foreach (var (activity, hours) in Week)
                {
                    text.Append(CultureInfo.InvariantCulture, $"2026-W{week},{rep},,,,{activity},{hours}\n");
                }
            }
            text.Append(CultureInfo.InvariantCulture, $"2026-W{week},zoe.young@northwind.test,Zoë Young,Partners,Full-Cycle Rep,Qualify inbound leads,20\n");
            text.Append(CultureInfo.InvariantCulture, $"2026-W{week},zoe.young@northwind.test,,,,Demos,15\n");
        }
        if (mistakes)
        {
            text.Append("2026-W34,ana.ruiz@northwind.test,,,,Demos,7\n");
            text.Append("2026-08-32,ana.ruiz@northwind.test,,,,Demos,7\n");
            text.Append("2026-W34,ana.ruiz@northwind.test,,,,Golf with prospects,3\n");
            text.Append("2026-W34,ana.ruiz@northwind.test,,,,Renewals,\"2,5\"\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>As a user does it: the button opens the file chooser, and a file is picked in it.</summary>
    private static async Task ChooseFileAsync(IPage page, string name, byte[] content)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator("[data-testid=choose-file]").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
    }

    [Fact]
    public async Task The_consultant_sees_every_problem_fixes_the_file_imports_it_and_the_dashboard_changes()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAsync(page, "consultant@demo.salesspec");
        // A consultant of two clients starts on the list of organisations.
        await Assertions.Expect(page.Locator("[data-testid=organization-card]")).ToHaveCountAsync(2);

        // Before: nothing logged in the summer weeks.
        await page.GotoAsync("/organizations/1/dashboard?from=2026-W30&to=2026-W33");
        // A click before the page is live can be lost while Blazor starts.
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=empty]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=empty-import]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Import and export");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("import.png"), FullPage = true });

        await ChooseFileAsync(page, "northwind-summer.csv", ClientFile(mistakes: true));
        await Assertions.Expect(page.Locator("[data-testid=import-errors-summary]")).ToContainTextAsync("3 problems — nothing was imported");
        var errors = page.Locator("[data-testid=import-errors] tbody tr");
        await Assertions.Expect(errors).ToHaveCountAsync(3);
        await Assertions.Expect(errors.Nth(0)).ToContainTextAsync("2026-08-32");
        await Assertions.Expect(errors.Nth(1)).ToContainTextAsync("Unknown activity 'Golf with prospects'");
        await Assertions.Expect(errors.Nth(2)).ToContainTextAsync("'2,5' is not a number of hours");
        await page.ScreenshotAsync(new() { Path = Shot("import-errors.png"), FullPage = true });

        await ChooseFileAsync(page, "northwind-summer-fixed.csv", ClientFile(mistakes: false));
        await Assertions.Expect(page.Locator("[data-testid=preview-title]")).ToContainTextAsync("northwind-summer-fixed.csv");
        await Assertions.Expect(page.Locator("[data-testid=preview-weeks]")).ToContainTextAsync("4 weeks, 2026-W30 – 2026-W33");
        await Assertions.Expect(page.Locator("[data-testid=preview-new-reps]")).ToContainTextAsync("Zoë Young (Full-Cycle Rep, Partners)");
        await Assertions.Expect(page.Locator("[data-testid=preview-sample] tbody tr")).ToHaveCountAsync(10);
        await page.ScreenshotAsync(new() { Path = Shot("import-preview.png"), FullPage = true });

        await page.Locator("[data-testid=commit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=imported]")).ToContainTextAsync("200 rows, 28 rep-weeks from 2026-W30 to 2026-W33");

        await page.Locator("[data-testid=open-dashboard]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=period]")).ToContainTextAsync("4 weeks");
        await Assertions.Expect(page.Locator("[data-testid=rep-bar]")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("[data-testid=recommendation][data-kind=SplitOutRole]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("import-dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task The_consultant_records_a_months_inbound_leads()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAsync(page, "consultant@demo.salesspec");
        await Assertions.Expect(page.Locator("[data-testid=organization-card]")).ToHaveCountAsync(2);
        await page.GotoAsync("/organizations/1/import");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);

        var november = page.GetByLabel("Nov 2026", new() { Exact = true });
        await november.FillAsync("412");
        await november.PressAsync("Tab");
        await page.Locator("[data-testid=save-leads]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=lead-message]")).ToContainTextAsync("Saved 1 month.");
        await Assertions.Expect(page.Locator("[data-testid=lead-average]")).ToContainTextAsync("leads a month on average");
        await page.ScreenshotAsync(new() { Path = Shot("import-lead-counts.png"), FullPage = true });
    }

    [Fact]
    public async Task The_consultant_rolls_an_import_back_from_the_history_after_reading_what_it_restores()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAsync(page, "consultant@demo.salesspec");
        await Assertions.Expect(page.Locator("[data-testid=organization-card]")).ToHaveCountAsync(2);
        await page.GotoAsync("/organizations/1/import");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);

        await ChooseFileAsync(page, "ana-week-29.csv", Encoding.UTF8.GetBytes("week,rep_email,activity,hours\n2026-W29,ana.ruiz@northwind.test,Demos,33\n"));
        await page.Locator("[data-testid=commit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=imported]")).ToContainTextAsync("1 rep-week");
        var latest = page.Locator("[data-testid=history-row]").First;
        await Assertions.Expect(latest).ToContainTextAsync("ana-week-29.csv");
        await latest.Locator("[data-testid=history-rollback]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rollback-plan]")).ToContainTextAsync("restores the rep-week it wrote in 2026-W29: it had no hours before");
        await page.Locator("[data-testid=import-history]").ScreenshotAsync(new() { Path = Shot("import-history-rollback.png") });
        await AccountJourneyTests.CheckAccessibilityAsync(page);

        await page.Locator("[data-testid=rollback-confirm]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=history-message]")).ToContainTextAsync("as they were before it");
        await Assertions.Expect(latest.Locator("[data-testid=history-state]")).ToContainTextAsync("Rolled back by");
    }
}
