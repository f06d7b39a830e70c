using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>Each demo role signs in and sees what that role may see — and the screenshots show it.</summary>
public sealed class RoleJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    private static async Task<IPage> SignedInPageAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAsync(page, email);
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        return page;
    }

    private Task<IBrowserContext> NewContextAsync() => browser.NewContextAsync(app);

    [Theory]
    [InlineData("admin", "", 20, "Northwind Cloud")]
    [InlineData("leader", "/dashboard", 20, "Northwind Cloud")]
    [InlineData("manager", "/team-week", 6, "Northwind Cloud")]
    [InlineData("rep", "/my-week", 1, "Northwind Cloud")]
    public async Task A_northwind_member_lands_where_their_role_works_and_sees_their_reps(string role, string landing, int reps, string organization)
    {
        await using var context = await NewContextAsync();
        var page = await SignedInPageAsync(context, $"{role}@demo.salesspec");

        // A VP starts on the dashboard, a rep on their week, a manager on the team's, an admin on the overview.
        await Browser.WaitForUrlAsync(page, $"**/organizations/1{landing}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, $"landing-{role}.png"), FullPage = true });
        await page.GotoAsync("/organizations/1");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(organization);
        await Assertions.Expect(page.Locator("[data-testid=signed-in-as]")).ToHaveTextAsync($"{role}@demo.salesspec");
        await Assertions.Expect(page.Locator("[data-testid=reps-grid] tbody tr")).ToHaveCountAsync(reps);
        await Assertions.Expect(page.Locator("[data-testid=organization-switcher]")).ToHaveCountAsync(0);
        (await page.ContentAsync()).ShouldNotContain("Contoso");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, $"home-{role}.png"), FullPage = true });
    }

    [Fact]
    public async Task The_sources_page_names_the_articles_and_an_unknown_address_gets_a_page_that_says_so()
    {
        await using var context = await NewContextAsync();
        var page = await SignedInPageAsync(context, "leader@demo.salesspec");

        await page.Locator("[data-testid=nav-sources]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sources");
        await Assertions.Expect(page.Locator("[data-testid=source-article]")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=source-article][data-number='004'] h2")).ToHaveTextAsync("A Sales Force Divided Can Stand");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "sources.png"), FullPage = true });
        await AccountJourneyTests.CheckAccessibilityAsync(page);

        var response = await page.GotoAsync("/organizations/1/no-such-page");
        response!.Status.ShouldBe(404);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Go to your organisations" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "not-found.png"), FullPage = true });
        await AccountJourneyTests.CheckAccessibilityAsync(page);
    }

    [Fact]
    public async Task The_first_tab_offers_a_skip_to_the_content_which_is_one_main_landmark()
    {
        await using var context = await NewContextAsync();
        var page = await SignedInPageAsync(context, "leader@demo.salesspec");
        await page.GotoAsync("/profile");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your profile");

        // The first thing the keyboard reaches on a page just loaded: the first focusable element in the document.
        (await page.EvaluateAsync<string?>("() => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])')?.dataset.testid"))
            .ShouldBe("skip-link");
        var skip = page.Locator("[data-testid=skip-link]");
        await skip.FocusAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "skip-link.png") });
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Your profile");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        // The next Tab goes on inside the content, not back to the top bar.
        (await page.EvaluateAsync<bool>("() => document.getElementById('main').contains(document.activeElement)")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_consultant_chooses_between_two_organisations()
    {
        await using var context = await NewContextAsync();
        var page = await SignedInPageAsync(context, "consultant@demo.salesspec");

        var cards = page.Locator("[data-testid=organization-card]");
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        await Assertions.Expect(cards.First).ToContainTextAsync("Contoso Analytics");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "home-consultant.png"), FullPage = true });

        await cards.First.GetByRole(AriaRole.Link, new() { Name = "Open" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Contoso Analytics");
        await Assertions.Expect(page.Locator("[data-testid=reps-grid] tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-testid=organization-switcher]")).ToContainTextAsync("Contoso Analytics");

        // On a static page the switcher is a disclosure of links: it opens, closes on Escape, and switches.
        var switcher = page.Locator("[data-testid=organization-switcher]");
        var northwind = switcher.GetByRole(AriaRole.Link, new() { Name = "Northwind Cloud" });
        await switcher.Locator("summary").ClickAsync();
        await Assertions.Expect(northwind).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(northwind).ToBeHiddenAsync();
        await switcher.Locator("summary").ClickAsync();
        await northwind.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Northwind Cloud");
        await Assertions.Expect(switcher).ToContainTextAsync("Northwind Cloud");
    }

    [Fact]
    public async Task A_leader_creates_an_api_token_and_sees_it_once()
    {
        await using var context = await NewContextAsync();
        var page = await SignedInPageAsync(context, "leader@demo.salesspec");
        await page.GetByRole(AriaRole.Link, new() { Name = "Profile and API tokens" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your profile");
        // From the static dashboard the link loads the page, which then starts its circuit.
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);

        await page.Locator("[data-testid=create-token]").ClickAsync();
        await Assertions.Expect(page.GetByText("Name the token after the script that uses it.")).ToBeVisibleAsync();
        await page.GetByLabel("Token name").FillAsync("weekly report");
        await page.Locator("[data-testid=create-token]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=new-token]")).ToContainTextAsync("ss_");
        await Assertions.Expect(page.Locator("[data-testid=tokens] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=tokens] tbody tr").First).ToContainTextAsync("weekly report");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "profile.png"), FullPage = true });
    }

    [Fact]
    public async Task An_admin_invites_a_leader_and_reads_the_audit_log()
    {
        await using var context = await NewContextAsync();
        var page = await SignedInPageAsync(context, "admin@demo.salesspec");
        await Browser.WaitForUrlAsync(page, "**/organizations/*");

        await page.Locator("[data-testid=nav-members]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Members of Northwind Cloud");
        await Assertions.Expect(page.Locator("[data-testid=members] tbody tr")).ToHaveCountAsync(5);
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Email").FillAsync("new.vp@northwind.test");
        // Invitations default to Rep; a VP is a Leader.
        await page.Locator("[data-testid=role-select]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Leader" }).ClickAsync();
        // The list closes and the rep picker goes once the server has the choice; inviting before then invites a Rep.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Which rep")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=invite]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=invitation-link]")).ToContainTextAsync("/invitation/");
        await Assertions.Expect(page.Locator("[data-testid=invitations]")).ToContainTextAsync("new.vp@northwind.test");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "members.png"), FullPage = true });

        await page.GotoAsync(page.Url.Replace("/members", "/audit", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=audit-sentence]").First).ToHaveTextAsync("Alex Admin invited new.vp@northwind.test as Leader");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "audit.png"), FullPage = true });
        // Read-only, so static: no interactive layout holds the page, and the bar's bell and account menu need none.
        await Assertions.Expect(page.Locator("[data-rendering=static]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".mud-layout[data-interactive]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=bar-actions] [data-testid=signed-in-as]")).ToHaveTextAsync("admin@demo.salesspec");

        // The search is a plain form: Enter puts it in the address, and the database answers.
        await page.GetByLabel("Search the audit log").FillAsync("new.vp");
        await page.GetByLabel("Search the audit log").PressAsync("Enter");
        await Browser.WaitForUrlAsync(page, "**/audit?q=new.vp**");
        await Assertions.Expect(page.Locator("[data-testid=audit-sentence]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=audit-range]")).ToHaveTextAsync("1–1 of 1");

        // The navigation folds away in the browser, and a link in it leads back to the interactive pages.
        var toggle = page.Locator("[data-testid=toggle-navigation]");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await toggle.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=static-nav]")).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();

        // On a phone the navigation starts folded and opens over the page; nothing runs off the side.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=static-nav]")).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "audit-phone.png"), FullPage = true });
        await toggle.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=static-nav]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "audit-phone-navigation.png") });
        // Open over the page, it takes the focus; Escape closes it and gives the focus back to the toggle.
        await Assertions.Expect(page.Locator("[data-testid=static-nav] a[href]").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=static-nav]")).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToBeFocusedAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        // A tap on the shade beside it closes it too.
        await toggle.ClickAsync();
        await page.Locator("[data-close-nav]").ClickAsync(new() { Position = new() { X = 370, Y = 400 } });
        await Assertions.Expect(page.Locator("[data-testid=static-nav]")).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await page.Locator("[data-testid=static-nav] [data-testid=nav-members]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Members of Northwind Cloud");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".mud-layout[data-interactive=true]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_page()
    {
        await using var context = await NewContextAsync();
        var page = await SignedInPageAsync(context, "leader@demo.salesspec");

        await page.Locator("[data-testid=sign-out]").ClickAsync();

        await Browser.WaitForUrlAsync(page, "**/Account/Login**");
        await page.GotoAsync("/");
        await Browser.WaitForUrlAsync(page, "**/Account/Login**");
    }
}
