using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>
/// The weekly chore end to end: the demo rep logs a week by keyboard alone and submits it; the demo
/// manager approves it and reminds whoever has not handed in last week; the rep sees the badge.
/// </summary>
public sealed class TimesheetJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    // A typical week: eight activities, typed into the first eight rows of the grid.
    private static readonly string[] TypicalWeek = ["6", "3.5", "2", "1", "4", "9", "6.5", "3"];

    private static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);

    private static async Task<IPage> SignedInPageAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAsync(page, email);
        await Browser.WaitForUrlAsync(page, "**/organizations/**");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task A_rep_logs_a_week_by_keyboard_the_manager_approves_it_and_reminds_who_has_not_submitted()
    {
        await using var repContext = await browser.NewContextAsync(app);
        var rep = await SignedInPageAsync(repContext, "rep@demo.salesspec");
        var myWeekLink = rep.Locator("[data-testid=nav-my-week]");
        var myWeekUrl = new Uri(app.BaseAddress, await myWeekLink.GetAttributeAsync("href")).ToString();

        // Interactive means: the circuit is live and the first cell has the keyboard focus.
        var opening = Stopwatch.StartNew();
        await rep.GotoAsync(myWeekUrl);
        await OverviewJourneyTests.WaitUntilInteractiveAsync(rep);
        await Assertions.Expect(rep.Locator("[data-testid=week-line] input").First).ToBeFocusedAsync();
        opening.Stop();
        await Assertions.Expect(rep.Locator("h1")).ToHaveTextAsync("My week");
        await Assertions.Expect(rep.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Missing");
        await Assertions.Expect(rep.Locator("[data-testid=advice]")).ToContainTextAsync("above the 20 % line");

        var typing = Stopwatch.StartNew();
        foreach (var hours in TypicalWeek)
        {
            await rep.Keyboard.TypeAsync(hours);
            await rep.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(rep.Locator("[data-testid=week-total]")).ToHaveTextAsync("35 h");
        await rep.ScreenshotAsync(new() { Path = Shot("my-week.png"), FullPage = true });
        await rep.Keyboard.PressAsync("Shift+Tab");
        await rep.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(rep.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Submitted");
        typing.Stop();

        var reopening = Stopwatch.StartNew();
        await rep.ReloadAsync();
        await OverviewJourneyTests.WaitUntilInteractiveAsync(rep);
        await Assertions.Expect(rep.Locator("[data-testid=week-line] input").First).ToBeFocusedAsync();
        reopening.Stop();
        await Assertions.Expect(rep.Locator("[data-testid=week-total]")).ToHaveTextAsync("35 h");
        await Assertions.Expect(rep.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Submitted");
        var values = await rep.Locator("[data-testid=week-line] input").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        values.Take(TypicalWeek.Length).ShouldBe(TypicalWeek);
        await rep.ScreenshotAsync(new() { Path = Shot("my-week-submitted.png"), FullPage = true });
        await File.AppendAllTextAsync(Path.Combine(Browser.ScreenshotFolder, "timings.txt"), string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:u} my-week interactive after {opening.ElapsedMilliseconds} ms (first visit), {reopening.ElapsedMilliseconds} ms (reload); 8 activities typed and submitted by keyboard in {typing.ElapsedMilliseconds} ms{Environment.NewLine}"));

        await using var managerContext = await browser.NewContextAsync(app);
        var manager = await SignedInPageAsync(managerContext, "manager@demo.salesspec");
        // A manager lands on the team week, and on a Monday that is last week's, the one waiting for review.
        await Browser.WaitForUrlAsync(manager, "**/organizations/*/team-week");
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Team week");
        await Assertions.Expect(manager.Locator("[data-testid=week-label]")).ToHaveTextAsync("2026-W47");
        await manager.Locator("[data-testid=next-week]").ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=week-label]")).ToHaveTextAsync("2026-W48");
        var olivia = manager.Locator("[data-testid=team-row][data-rep='Olivia Patel']");
        await Assertions.Expect(olivia.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Submitted");
        await Assertions.Expect(manager.Locator("[data-testid=team-row]")).ToHaveCountAsync(6);
        await manager.ScreenshotAsync(new() { Path = Shot("team-week.png"), FullPage = true });
        await olivia.Locator("[data-testid=approve]").ClickAsync();
        await Assertions.Expect(olivia.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Approved");
        await Assertions.Expect(manager.Locator("[data-testid=team-message]")).ToContainTextAsync("Approved 1 week");

        await manager.Locator("[data-testid=previous-week]").ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=team-row][data-rep='Olivia Patel'] [data-testid=status]")).ToHaveAttributeAsync("data-status", "Draft");
        await Assertions.Expect(manager.Locator("[data-testid=remind]")).ToHaveTextAsync("Remind the 2 reps who have not submitted");
        await manager.Locator("[data-testid=remind]").ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=team-message]")).ToContainTextAsync("Reminded 2 reps");
        await manager.ScreenshotAsync(new() { Path = Shot("team-week-reminded.png"), FullPage = true });

        await rep.ReloadAsync();
        await OverviewJourneyTests.WaitUntilInteractiveAsync(rep);
        await Assertions.Expect(rep.Locator("[data-testid=locked]")).ToContainTextAsync("is approved (by Mia Manager) and locked");
        await Assertions.Expect(rep.Locator("[data-testid=save]")).ToHaveCountAsync(0);
        await Assertions.Expect(rep.Locator("[data-testid=notification-badge] .mud-badge")).ToHaveTextAsync("1");
        await rep.GetByLabel("Notifications, 1 unread").ClickAsync();
        await Assertions.Expect(rep.Locator("[data-testid=notification]").First).ToContainTextAsync("Mia Manager reminds you to submit your week");
        await rep.ScreenshotAsync(new() { Path = Shot("notification.png"), FullPage = true });
        await rep.Keyboard.PressAsync("Escape");

        // On a static page (a rep's dashboard) the bell is a disclosure of small forms, with no circuit: opening the
        // notification marks it read and goes to its week.
        await rep.GotoAsync("/organizations/1/dashboard");
        await Assertions.Expect(rep.Locator("[data-rendering=static]")).ToHaveCountAsync(1);
        var bell = rep.Locator("[data-testid=bar-actions] [data-testid=notification-badge]");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await bell.ClickAsync();
        var reminder = rep.Locator("[data-testid=bar-actions] [data-testid=notification]").First;
        await Assertions.Expect(reminder).ToContainTextAsync("Mia Manager reminds you to submit your week");
        await rep.ScreenshotAsync(new() { Path = Shot("notification-static.png") });
        await reminder.ClickAsync();
        await Browser.WaitForUrlAsync(rep, "**/my-week/**");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(rep);
        await Assertions.Expect(rep.GetByLabel("Notifications, 0 unread")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_phone_the_week_is_one_column_and_percent_mode_adds_up_to_the_standard_week()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await SignedInPageAsync(context, "rep@demo.salesspec");
        var week = await page.Locator("[data-testid=nav-my-week]").GetAttributeAsync("href");
        await page.GotoAsync(week!);
        await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        // Two weeks ahead: a week the other journey in this class never touches.
        await page.Locator("[data-testid=next-week]").ClickAsync();
        await page.Locator("[data-testid=next-week]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Missing");

        await page.GetByText("% of week").ClickAsync();
        // The grid re-renders in percent mode; typing before that lands in inputs that are replaced.
        await Assertions.Expect(page.Locator("[data-testid=percent-total]")).ToBeVisibleAsync();
        await page.GetByLabel("Qualify inbound leads").FillAsync("30");
        await page.GetByLabel("Demos").FillAsync("50");
        await page.GetByLabel("CRM and admin").FillAsync("20");
        await Assertions.Expect(page.Locator("[data-testid=percent-total]")).ToContainTextAsync("100 % of 100 %");
        await Assertions.Expect(page.Locator("[data-testid=week-total]")).ToHaveTextAsync("40 h");
        await page.ScreenshotAsync(new() { Path = Shot("my-week-phone.png"), FullPage = true });

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        width.ShouldBeLessThanOrEqualTo(390, "nothing sticks out sideways on a phone");
    }

    [Fact]
    public async Task On_a_phone_the_week_footer_is_one_line_and_the_team_week_is_cards_with_approve_and_reject_in_reach()
    {
        await using var repContext = await PhoneAsync();
        var rep = await SignedInPageAsync(repContext, "rep@demo.salesspec");
        // Next week, which no other journey touches: this week is submitted and locked by the keyboard journey.
        await rep.GotoAsync("/organizations/1/my-week/2026-W49");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(rep);
        var footer = rep.Locator("[data-testid=week-footer]");
        await Assertions.Expect(footer).ToBeVisibleAsync();
        await Assertions.Expect(rep.Locator("[data-testid=submit]")).ToBeVisibleAsync();

        // Scrolled to the grid, as a rep entering the week is: count the rows wholly between the app bar and the sticky footer.
        await rep.Locator("[data-testid=week-line]").First.EvaluateAsync(
            "line => window.scrollTo(0, line.getBoundingClientRect().top + window.scrollY - document.querySelector('.mud-appbar').getBoundingClientRect().bottom)");
        var measured = await rep.EvaluateAsync<int[]>("""
            () => {
                const top = document.querySelector('.mud-appbar').getBoundingClientRect().bottom;
                const footer = document.querySelector('[data-testid=week-footer]').getBoundingClientRect();
                const rows = [...document.querySelectorAll('[data-testid=week-line]')].map(l => l.getBoundingClientRect())
                    .filter(r => r.top >= top - 1 && r.bottom <= footer.top + 1).length;
                return [Math.round(footer.height), Math.round(footer.top), Math.round(footer.bottom), rows, window.innerHeight];
            }
            """);
        await File.AppendAllTextAsync(Path.Combine(Browser.ScreenshotFolder, "timings.txt"), string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:u} my-week on a phone: footer {measured[0]} px high at {measured[1]}–{measured[2]} of {measured[4]}, {measured[3]} grid rows above it{Environment.NewLine}"));
        await rep.ScreenshotAsync(new() { Path = Shot("my-week-phone-footer.png") });
        measured[0].ShouldBeLessThanOrEqualTo(64, "the footer is one line on a phone");
        measured[2].ShouldBeGreaterThanOrEqualTo(measured[4] - 1, "the footer sticks to the bottom of the screen");
        // Measured: 12 rows under a 51 px footer; the two-line footer (91 px) left room for 11.
        measured[3].ShouldBeGreaterThanOrEqualTo(12, "the week's rows, not the footer, fill a phone's screen");
        (await rep.Locator("[data-testid=save]").BoundingBoxAsync())!.Height.ShouldBeGreaterThanOrEqualTo(24, "Save is still an easy target");
        await Assertions.Expect(rep.GetByRole(AriaRole.Button, new() { Name = "Save draft", Exact = true })).ToBeVisibleAsync();
        (await rep.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "my week sticks out sideways on a phone");
        await AccountJourneyTests.CheckAccessibilityAsync(rep);

        // Something wrong: a second line says so in the footer, where a thumb on Submit sees it (nothing is saved here).
        await rep.GetByLabel("Demos", new() { Exact = true }).FillAsync("60");
        await rep.GetByLabel("Cold calls", new() { Exact = true }).FillAsync("50");
        await Assertions.Expect(rep.Locator("[data-testid=footer-problem]")).ToHaveTextAsync("A week has at most 100 hours; this one has 110.");
        (await footer.BoundingBoxAsync())!.Height.ShouldBeLessThanOrEqualTo(96, "one line more, only while something is wrong");
        await rep.ScreenshotAsync(new() { Path = Shot("my-week-phone-footer-error.png") });
        await rep.GetByLabel("Cold calls", new() { Exact = true }).FillAsync("5");
        await Assertions.Expect(rep.Locator("[data-testid=footer-problem]")).ToHaveCountAsync(0);

        await using var managerContext = await PhoneAsync();
        var manager = await SignedInPageAsync(managerContext, "manager@demo.salesspec");
        // On a Monday the team week opens on last week's, where four reps wait for review (the other journeys approve elsewhere).
        await Browser.WaitForUrlAsync(manager, "**/organizations/*/team-week");
        await Assertions.Expect(manager.Locator("[data-testid=week-label]")).ToHaveTextAsync("2026-W47");
        await Assertions.Expect(manager.Locator("[data-testid=team-table]")).ToBeHiddenAsync();
        var cards = manager.Locator("[data-testid=team-card]");
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        var first = cards.First;
        foreach (var action in new[] { "approve", "reject" })
        {
            var box = await first.Locator($"[data-testid={action}]").BoundingBoxAsync();
            box.ShouldNotBeNull($"the first card has {action}");
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(390, $"{action} is within a phone's width");
        }

        // Reject asks why inside the card, and the reason's field fits the phone too.
        var name = await first.GetAttributeAsync("data-rep");
        var card = manager.Locator($"[data-testid=team-card][data-rep='{name}']");
        await manager.GetByRole(AriaRole.Button, new() { Name = $"Reject {name}'s week", Exact = true }).ClickAsync();
        await Assertions.Expect(card.GetByLabel($"Why is {name}'s week sent back?", new() { Exact = true })).ToBeVisibleAsync();
        (await manager.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the reason sticks out sideways");
        await card.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=reject-panel]")).ToHaveCountAsync(0);

        await manager.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}'s week", Exact = true }).ClickAsync();
        await Assertions.Expect(card.Locator("[data-testid=status]")).ToHaveAttributeAsync("data-status", "Approved");
        await Assertions.Expect(card.Locator("[data-testid=approve]")).ToHaveCountAsync(0);
        await Assertions.Expect(manager.Locator("[data-testid=team-message]")).ToContainTextAsync("Approved 1 week");
        // From the top: a full-page shot taken scrolled down draws the fixed app bar across the middle.
        await manager.EvaluateAsync("() => window.scrollTo(0, 0)");
        await manager.ScreenshotAsync(new() { Path = Shot("team-week-phone-cards.png"), FullPage = true });
        (await manager.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "the team week sticks out sideways on a phone");
        await AccountJourneyTests.CheckAccessibilityAsync(manager);
    }

    private async Task<IBrowserContext> PhoneAsync()
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    [Fact]
    public async Task A_manager_locks_weeks_after_reading_what_it_closes_and_the_leader_lifts_the_lock()
    {
        await using var managerContext = await browser.NewContextAsync(app);
        var manager = await SignedInPageAsync(managerContext, "manager@demo.salesspec");
        await manager.Locator("[data-testid=nav-team-week]").ClickAsync();
        await Browser.WaitForUrlAsync(manager, "**/team-week**");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(manager);

        await manager.Locator("[data-testid=lock-toggle]").ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=lock-none]")).ToBeVisibleAsync();
        await manager.Locator("[data-testid=lock-review]").ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=lock-plan]")).ToContainTextAsync("for the Commercial team (");
        await Assertions.Expect(manager.Locator("[data-testid=lock-list]")).ToHaveCountAsync(0);
        await manager.ScreenshotAsync(new() { Path = Shot("team-week-lock-plan.png"), FullPage = true });
        await AccountJourneyTests.CheckAccessibilityAsync(manager);
        await manager.Locator("[data-testid=lock-confirm]").ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=team-message]")).ToContainTextAsync("for the Commercial team.");
        await Assertions.Expect(manager.Locator("[data-testid=lock-item]")).ToContainTextAsync("by Mia Manager");
        await Assertions.Expect(manager.Locator("[data-testid=lock-lift]")).ToHaveCountAsync(0);

        await using var leaderContext = await browser.NewContextAsync(app);
        var leader = await SignedInPageAsync(leaderContext, "leader@demo.salesspec");
        await leader.GotoAsync(manager.Url);
        await OverviewJourneyTests.WaitUntilInteractiveAsync(leader);
        await Assertions.Expect(leader.Locator("[data-testid=lock-toggle]")).ToHaveTextAsync("Locks…");
        await leader.Locator("[data-testid=lock-toggle]").ClickAsync();
        await leader.Locator("[data-testid=lock-lift]").ClickAsync();
        await Assertions.Expect(leader.Locator("[data-testid=lift-plan]")).ToContainTextAsync("(set by Mia Manager) reopens");
        await leader.ScreenshotAsync(new() { Path = Shot("team-week-lift-plan.png"), FullPage = true });
        await AccountJourneyTests.CheckAccessibilityAsync(leader);
        await leader.Locator("[data-testid=lift-confirm]").ClickAsync();
        await Assertions.Expect(leader.Locator("[data-testid=team-message]")).ToContainTextAsync("Lifted the lock");
        await Assertions.Expect(leader.Locator("[data-testid=lock-none]")).ToBeVisibleAsync();
    }
}
