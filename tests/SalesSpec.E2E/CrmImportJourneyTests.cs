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

    [Fact]
    public async Task The_consultant_imports_HubSpot_calls_without_the_users_file_by_mapping_the_owners()
    {
        var calls = Path.Combine(Path.GetTempPath(), $"salesspec-hubspot-calls-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(calls,
            "Record ID,Activity assigned to,Activity date,Call duration (HH:mm:ss),Call Title,Call outcome\n" +
            "116574000101,Zoë Brandt,2026-11-16 09:00,0:30:00,Cold call Acme,Connected\n" +
            "116574000102,Zoë Brandt,2026-11-17 09:00,0:15:00,Cold call Initech,Left voicemail\n" +
            "116574000103,Olivia Patel,2026-11-17 10:00,1:00:00,Cold call Globex,Connected\n");
        try
        {
            await using var context = await browser.NewContextAsync(app);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            await OverviewJourneyTests.SignInAsync(page, "consultant@demo.salesspec");
            await Assertions.Expect(page.Locator("[data-testid=organization-card]")).ToHaveCountAsync(2);
            await page.GotoAsync("/organizations/1/import/crm");
            await OverviewJourneyTests.WaitUntilInteractiveAsync(page);

            var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator("[data-testid=choose-files]").ClickAsync());
            await chooser.SetFilesAsync([calls]);

            // Olivia is a rep of the organisation, so her name finds her; nobody is called Zoë Brandt yet.
            var owners = page.Locator("[data-testid=unmatched-owners] tbody tr");
            await Assertions.Expect(owners).ToHaveCountAsync(1);
            await Assertions.Expect(owners.First).ToContainTextAsync("Zoë Brandt");
            await Assertions.Expect(page.Locator("[data-testid=preview-reps] tbody tr")).ToHaveCountAsync(1);
            await page.ScreenshotAsync(new() { Path = Shot("crm-owners.png"), FullPage = true });
            await AccountJourneyTests.CheckAccessibilityAsync(page);

            var rep = page.GetByLabel("Rep for Zoë Brandt");
            await rep.FillAsync("zoe.brandt@northwind.test");
            await rep.PressAsync("Tab");
            await Assertions.Expect(page.Locator("[data-testid=preview-stale]")).ToBeVisibleAsync();
            await page.Locator("[data-testid=apply-owners]").ClickAsync();

            await Assertions.Expect(page.Locator("[data-testid=unmatched-owners]")).ToHaveCountAsync(0);
            var reps = page.Locator("[data-testid=preview-reps] tbody tr");
            await Assertions.Expect(reps).ToHaveCountAsync(2);
            await Assertions.Expect(reps.Filter(new() { HasText = "Zoë Brandt" })).ToContainTextAsync("new");
            await Assertions.Expect(page.Locator("[data-testid=preview-weeks]")).ToContainTextAsync("1 new rep will join as Full-Cycle Rep.");
            await page.ScreenshotAsync(new() { Path = Shot("crm-owners-mapped.png"), FullPage = true });
        }
        finally
        {
            File.Delete(calls);
        }
    }

    [Fact]
    public async Task The_consultant_maps_the_columns_of_a_clients_own_report_and_the_next_one_needs_no_mapping()
    {
        var report = Path.Combine(Path.GetTempPath(), $"salesspec-weekly-report-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(report,
            "Sales rep;Day;Time (h);Notes;Kind;Result\n" +
            "olivia.patel@northwind.test;16/11/2026;0,5;Cold call Acme;Call;Done\n" +
            "olivia.patel@northwind.test;17/11/2026;1;Demo Initech;Meeting;No show\n" +
            "olivia.patel@northwind.test;18/11/2026;0,25;Cold call Globex;Call;Done\n");
        try
        {
            await using var context = await browser.NewContextAsync(app);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            await OverviewJourneyTests.SignInAsync(page, "consultant@demo.salesspec");
            await Assertions.Expect(page.Locator("[data-testid=organization-card]")).ToHaveCountAsync(2);
            await page.GotoAsync("/organizations/1/import/crm");
            await OverviewJourneyTests.WaitUntilInteractiveAsync(page);

            var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator("[data-testid=choose-files]").ClickAsync());
            await chooser.SetFilesAsync([report]);
            await Assertions.Expect(page.Locator("[data-testid=column-mapping]")).ToContainTextAsync("Sales rep, Day, Time (h), Notes, Kind, Result");
            await Assertions.Expect(page.Locator("[data-testid=file-note]")).ToContainTextAsync("Separated by semicolons");
            await page.Locator("[data-testid=start-mapping]").ClickAsync();

            // The guess: owner, date, duration (in hours, from "(h)"), type and result; the notes are the subject.
            await Assertions.Expect(page.Locator("[data-testid=map-owner]")).ToContainTextAsync("Sales rep");
            await Assertions.Expect(page.Locator("[data-testid=map-duration]")).ToContainTextAsync("Time (h)");
            await Assertions.Expect(page.Locator("[data-testid=map-unit]")).ToContainTextAsync("Hours");
            await page.Locator("[data-testid=map-subject]").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Notes" }).ClickAsync();
            await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
            await page.GetByLabel("Layout name").FillAsync("Northwind weekly report");
            await page.GetByLabel("Layout name").PressAsync("Tab");
            await page.ScreenshotAsync(new() { Path = Shot("crm-mapping.png"), FullPage = true });
            await AccountJourneyTests.CheckAccessibilityAsync(page);

            await page.Locator("[data-testid=apply-mapping]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=chosen-files]")).ToContainTextAsync("read as 'Northwind weekly report'");
            var reps = page.Locator("[data-testid=preview-reps] tbody tr");
            await Assertions.Expect(reps).ToHaveCountAsync(1);
            await Assertions.Expect(reps.First).ToContainTextAsync("Olivia Patel");
            await Assertions.Expect(page.Locator("[data-testid=preview-skipped]")).ToContainTextAsync("no-show");
            await page.ScreenshotAsync(new() { Path = Shot("crm-mapping-preview.png"), FullPage = true });
            await page.Locator("[data-testid=commit]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=imported]")).ToContainTextAsync("Imported 2 CRM records");

            // Next week's report: read through the saved layout by itself.
            chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator("[data-testid=choose-files]").ClickAsync());
            await chooser.SetFilesAsync([report]);
            await Assertions.Expect(page.Locator("[data-testid=chosen-files]")).ToContainTextAsync("read as 'Northwind weekly report'");
            await Assertions.Expect(page.Locator("[data-testid=column-mapping]")).ToContainTextAsync("Read through the saved layout Northwind weekly report");
        }
        finally
        {
            File.Delete(report);
        }
    }
}
