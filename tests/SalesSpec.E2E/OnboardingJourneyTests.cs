using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>
/// A consultant brings a new client in: creates the organisation, its teams, imports the reps' time, fixes a role,
/// sets the 80/20 line, invites three reps; one of them accepts, logs a week and sees it.
/// </summary>
public sealed partial class OnboardingJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    private static readonly (string Email, string Name, string Team)[] Reps =
    [
        ("ben.brooks@fabrikam.test", "Ben Brooks", "East"),
        ("chloe.diaz@fabrikam.test", "Chloe Diaz", "East"),
        ("dev.patel@fabrikam.test", "Dev Patel", "West"),
        ("emma.fox@fabrikam.test", "Emma Fox", "West"),
    ];

    private static readonly (string Activity, decimal Hours)[] Week =
    [
        ("Qualify inbound leads", 12), ("Discovery calls", 6), ("Demos", 8), ("Proposals and negotiation", 5), ("Renewals", 3), ("CRM and admin", 4),
    ];

    private static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);

    [GeneratedRegex(@"/organizations/(\d+)$")]
    private static partial Regex OrganizationUrl();

    /// <summary>Two weeks before the app's last complete week, for four reps of two teams the file creates.</summary>
    private static byte[] ClientFile()
    {
        var text = new StringBuilder("week,rep_email,rep_name,team,role,activity,hours\n");
        foreach (var week in new[] { "2026-W45", "2026-W46" })
        {
            foreach (var (email, name, team) in Reps)
            {
                foreach (var (activity, hours) in Week)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{week},{email},{name},{team},Full-Cycle Rep,{activity},{hours}\n");
                }
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public async Task A_consultant_sets_up_Fabrikam_and_a_rep_they_invite_logs_a_week()
    {
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAsync(page, "consultant@demo.salesspec");
        await Assertions.Expect(page.Locator("[data-testid=organization-card]")).ToHaveCountAsync(2);
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);

        // 1. The client organisation.
        await page.Locator("[data-testid=new-organization]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New client organisation");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Organisation name").FillAsync("Fabrikam Software");
        await page.ScreenshotAsync(new() { Path = Shot("organization-new.png"), FullPage = true });
        await page.Locator("[data-testid=create-organization]").ClickAsync();
        await Browser.WaitForUrlAsync(page, OrganizationUrl());
        var id = OrganizationUrl().Match(page.Url).Groups[1].Value;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Fabrikam Software");
        var checklist = page.Locator("[data-testid=setup-checklist]");
        await Assertions.Expect(checklist).ToContainTextAsync("0 of 4 steps done");
        await page.ScreenshotAsync(new() { Path = Shot("organization-checklist.png"), FullPage = true });

        // 2. Two teams.
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await checklist.Locator("[data-testid=setup-teams] a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Teams");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        foreach (var (team, count) in new[] { ("East", 1), ("West", 2) })
        {
            await page.GetByLabel("New team name").FillAsync(team);
            await page.Locator("[data-testid=create-team]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=team-row]")).ToHaveCountAsync(count);
        }
        await page.ScreenshotAsync(new() { Path = Shot("teams.png"), FullPage = true });

        // 3. A time-log CSV that creates the reps.
        await page.GotoAsync($"/organizations/{id}/import");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator("[data-testid=choose-file]").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "fabrikam.csv", MimeType = "text/csv", Buffer = ClientFile() });
        await Assertions.Expect(page.Locator("[data-testid=preview-weeks]")).ToContainTextAsync("2 weeks, 2026-W45 – 2026-W46");
        await page.Locator("[data-testid=commit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=imported]")).ToContainTextAsync("8 rep-weeks");

        // 4. One rep's role fixed in the people grid.
        await page.GotoAsync($"/organizations/{id}/people");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        var grid = page.Locator("[data-testid=people-grid]");
        await Assertions.Expect(grid.Locator("tbody tr")).ToHaveCountAsync(4);
        await page.GetByLabel("Edit Ben Brooks").ClickAsync();
        await grid.GetByLabel("Role").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Account Executive" }).ClickAsync();
        // Saving before the server has the choice would save the old role: the list closes once it has it.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.GetByLabel("Save Ben Brooks").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Save Ben Brooks")).ToHaveCountAsync(0);
        await Assertions.Expect(grid.Locator("tbody tr").Filter(new() { HasText = "Ben Brooks" })).ToContainTextAsync("Account Executive");
        await page.ScreenshotAsync(new() { Path = Shot("people.png"), FullPage = true });
        // Editing shows the person's team history; imported people are in their team from the start.
        await page.GetByLabel("Edit Ben Brooks").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=team-history]")).ToContainTextAsync("from the start");
        await page.ScreenshotAsync(new() { Path = Shot("people-team-history.png"), FullPage = true });
        await page.GetByLabel("Cancel the edit").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Save Ben Brooks")).ToHaveCountAsync(0);

        // 5. An activity renamed to the client's own word.
        await page.GotoAsync($"/organizations/{id}/catalogue");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Rename Demos").ClickAsync();
        await page.GetByLabel("New name of Demos").FillAsync("Product demos");
        await page.Locator("[data-testid=rename-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=catalogue-row]").Filter(new() { HasText = "Product demos" })).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("catalogue.png"), FullPage = true });

        // 6. The 80/20 line at 25 %.
        await page.GotoAsync($"/organizations/{id}/settings");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("80/20 line").FillAsync("25");
        await page.Locator("[data-testid=save-settings]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=settings-message]")).ToHaveTextAsync("Settings saved.");
        await page.ScreenshotAsync(new() { Path = Shot("organization-settings.png"), FullPage = true });

        // 7. Three reps invited at once.
        await page.GotoAsync($"/organizations/{id}/members");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        var invitable = page.Locator("[data-testid=invitable-reps] tbody tr");
        await Assertions.Expect(invitable).ToHaveCountAsync(4);
        for (var i = 0; i < 3; i++)
        {
            await invitable.Nth(i).Locator("input[type=checkbox]").CheckAsync();
        }
        await Assertions.Expect(page.Locator("[data-testid=bulk-invite-send]")).ToHaveTextAsync("Invite 3 selected");
        await page.Locator("[data-testid=bulk-invite-send]").ClickAsync();
        var sent = page.Locator("[data-testid=bulk-invite-table] tbody tr");
        await Assertions.Expect(sent).ToHaveCountAsync(3);
        await Assertions.Expect(invitable).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("members-bulk-invite.png"), FullPage = true });
        var benRow = sent.Filter(new() { HasText = "ben.brooks@fabrikam.test" });
        var link = (await benRow.Locator("code").InnerTextAsync()).Trim();

        // 8. Ben accepts, logs last week and sees it.
        await using var repContext = await browser.NewContextAsync(app);
        var rep = await repContext.NewPageAsync();
        await rep.GotoAsync(link);
        await rep.GetByLabel("Your name").FillAsync("Ben Brooks");
        await rep.GetByLabel("Password", new() { Exact = true }).FillAsync("Fabrikam-2026!");
        await rep.GetByLabel("Password again").FillAsync("Fabrikam-2026!");
        await rep.Locator("button[type=submit]").ClickAsync();
        // A rep starts on their week.
        await Browser.WaitForUrlAsync(rep, $"**/organizations/{id}/my-week");
        await Assertions.Expect(rep.Locator("h1")).ToHaveTextAsync("My week");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(rep);
        await rep.Locator("[data-testid=previous-week]").ClickAsync();
        await Assertions.Expect(rep.Locator("[data-testid=week-label]")).ToContainTextAsync("2026-W47");
        await Assertions.Expect(rep.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Missing");
        await rep.Locator("[data-testid=week-line] input").First.FocusAsync();
        foreach (var hours in new[] { "10", "6", "8", "5", "3", "4" })
        {
            await rep.Keyboard.TypeAsync(hours);
            await rep.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(rep.Locator("[data-testid=week-total]")).ToHaveTextAsync("36 h");
        await rep.Locator("[data-testid=submit]").ClickAsync();
        await Assertions.Expect(rep.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Submitted");
        await rep.ScreenshotAsync(new() { Path = Shot("onboarding-rep-week.png"), FullPage = true });

        // The consultant's dashboard counts Ben's week at once: three weeks now, his logged in each.
        await page.GotoAsync($"/organizations/{id}/dashboard");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Fabrikam Software");
        await Assertions.Expect(page.Locator("[data-testid=rep-bar]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=threshold-value]")).ToHaveTextAsync("25 %");
        await page.ScreenshotAsync(new() { Path = Shot("onboarding-dashboard.png"), FullPage = true });
    }
}
