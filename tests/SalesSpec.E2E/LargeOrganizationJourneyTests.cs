using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesSpec.Bench;
using SalesSpec.Web.Features.Accounts.Services;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Features.Organizations.Services;

namespace SalesSpec.E2E;

/// <summary>
/// An organisation of 3,000 reps, seeded by the benchmarks' generator through the app's own import: the dashboard
/// and the team week draw one page of each list, the dashboard's HTML stays small, search and paging work, and
/// axe finds nothing serious.
/// </summary>
public sealed class LargeOrganizationJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    private const int Reps = 3000;
    private const string Consultant = "consultant@demo.salesspec";

    private static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);

    /// <summary>A new organisation the demo consultant creates, and the generator's twelve weeks imported into it.</summary>
    private async Task<int> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(Consultant);
        var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user!);
        var created = await services.GetRequiredService<OrganizationAdminService>()
            .CreateAsync(principal, new OrganizationForm { Name = "Large Co " + Guid.NewGuid().ToString("N")[..6] });
        created.Succeeded.ShouldBeTrue(created.Message);
        var member = await services.GetRequiredService<OrganizationAccess>().ForAsync(principal, created.Value);

        // The generator's last week is the pinned clock's last complete week, so the default twelve weeks are its twelve.
        var data = new SyntheticOrganization(Reps, weeks: 12, activitiesPerWeek: 3);
        using var file = new MemoryStream();
        await using (var writer = new StreamWriter(file, leaveOpen: true))
        {
            data.WriteCsv(writer);
        }
        file.Position = 0;
        var report = await services.GetRequiredService<TimeLogImportService>().ImportAsync(member!, file, dryRun: false, "large.csv");
        report.Errors.ShouldBeEmpty();
        report.Imported.ShouldBeTrue();
        report.RepsCreated.ShouldBe(Reps);
        return created.Value;
    }

    [Fact]
    public async Task The_dashboard_and_team_week_of_3000_reps_draw_a_page_of_each_list()
    {
        var organizationId = await SeedAsync();
        await using var context = await browser.NewContextAsync(app);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAndLeaveAsync(page, Consultant);

        await page.GotoAsync($"/organizations/{organizationId}/dashboard");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        // One rep in twenty is in the role that is not analysed.
        const string AllReps = "of 2,850 reps";
        await Assertions.Expect(page.Locator("[data-testid=rep-list-range]")).ToHaveTextAsync("1–25 " + AllReps);
        await Assertions.Expect(page.Locator("[data-testid=rep-bar]")).ToHaveCountAsync(25);
        await Assertions.Expect(page.Locator("[data-testid=heat-row]")).ToHaveCountAsync(25);
        var html = await page.EvaluateAsync<int>("() => document.documentElement.outerHTML.length");
        html.ShouldBeLessThan(200_000, "the dashboard of 3,000 reps is one page of each list, not every rep");
        var rows = await page.EvaluateAsync<int>("() => document.querySelectorAll('tr, [data-testid=rep-bar], li').length");
        rows.ShouldBeLessThan(300);
        await page.ScreenshotAsync(new() { Path = Shot("dashboard-3000-reps.png"), FullPage = true });
        await AccountJourneyTests.CheckAccessibilityAsync(page);

        // Search and pages run on the server over the shared analysis.
        await page.Locator("[data-testid=rep-list-search]").FillAsync("rep 000123");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=rep-list-range]")).ToHaveTextAsync("1–1 of 1 matching " + AllReps);
        await Assertions.Expect(page.Locator("[data-testid=rep-bar]")).ToHaveAttributeAsync("data-rep", "rep000123@synthetic.test");
        await page.Locator("[data-testid=heat-list-next]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=heat-list-range]")).ToHaveTextAsync("26–50 " + AllReps);
        // The heat map's page is its own: the search of the rep list above stays.
        await Assertions.Expect(page.Locator("[data-testid=rep-list-range]")).ToHaveTextAsync("1–1 of 1 matching " + AllReps);

        // The consultant created the organisation, so they are its Admin and review every team's week.
        await page.GotoAsync($"/organizations/{organizationId}/team-week/2026-W47");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=team-range]")).ToHaveTextAsync("1–50 " + AllReps);
        await Assertions.Expect(page.Locator("[data-testid=team-row]")).ToHaveCountAsync(50);
        await page.Locator("input[data-testid=team-search], [data-testid=team-search] input").First.FillAsync("team 0043");
        await Assertions.Expect(page.Locator("[data-testid=team-row]")).ToHaveCountAsync(10);
        await page.ScreenshotAsync(new() { Path = Shot("team-week-3000-reps.png"), FullPage = true });
        await AccountJourneyTests.CheckAccessibilityAsync(page);
    }
}
