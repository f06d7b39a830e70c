using System.Globalization;
using System.Security.Claims;
using Bunit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Features.Timesheets;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Timesheets;

/// <summary>"My week" and "Team week" rendered by bUnit on a real SQLite database with the demo data.</summary>
public sealed class WeekPagesTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private static readonly IsoWeek ThisWeek = IsoWeek.Of(2026, 48);
    private static readonly IsoWeek LastWeek = IsoWeek.Of(2026, 47);
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;
    private int _organizationId;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_database.Factory);
        _context.Services.AddSingleton<TimeProvider>(Clock);
        _context.Services.AddSingleton<OrganizationAccess>();
        _context.Services.AddSingleton<IValidator<WeekEntry>, WeekEntryValidator>();
        _context.Services.AddSingleton<WeekService>();
        _context.Services.AddSingleton<RepFocusService>();
        _context.Services.AddSingleton(new EmailSender(Options.Create(new SmtpOptions())));
        _context.Services.AddSingleton<MailOutbox>();
        _context.Services.AddSingleton<TeamWeekService>();
        _context.Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        _organizationId = (await _database.MemberOfAsync("rep@demo.salesspec", DemoOrganization.Name)).OrganizationId;
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<IRenderedComponent<WeekPage>> MyWeekAsync(IsoWeek week)
    {
        await _context.SignInAsync(_database, "rep@demo.salesspec");
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<WeekPage>(p => p.Add(x => x.OrganizationId, _organizationId).Add(x => x.Week, week.ToString()));
        await page.WaitForAssertionAsync(() => page.Find("h1").TextContent.ShouldBe("My week"));
        return page;
    }

    private static AngleSharp.Dom.IElement Line(IRenderedComponent<WeekPage> page, string activity) =>
        page.Find($"[data-testid=week-line][data-activity='{activity}']");

    private static void Type(IRenderedComponent<WeekPage> page, string activity, string value) => Line(page, activity).QuerySelector("input")!.Input(value);

    private static string Total(IRenderedComponent<WeekPage> page) => page.Find("[data-testid=week-total]").TextContent.Trim();

    [Fact]
    public async Task Totals_follow_every_keystroke_per_function_and_for_the_week()
    {
        var page = await MyWeekAsync(ThisWeek);
        Total(page).ShouldBe("0 h");

        Type(page, "Demos", "12");
        Type(page, "Discovery calls", "4.5");
        Type(page, "Cold calls", "3");

        await page.WaitForAssertionAsync(() => Total(page).ShouldBe("19.5 h"));
        var closing = page.Find("[data-testid=function-group][data-function=Closing] [data-testid=function-total]").TextContent;
        closing.ShouldBe("16.5 h · 85 %");
        page.Find("[data-testid=function-group][data-function=OutboundProspecting] [data-testid=function-total]").TextContent.ShouldBe("3 h · 15 %");
    }

    [Fact]
    public async Task Percent_mode_turns_shares_into_hours_of_the_standard_week()
    {
        var page = await MyWeekAsync(ThisWeek);

        await page.FindAll("[data-testid=mode] button").Single(b => b.TextContent.Contains('%', StringComparison.Ordinal)).ClickAsync(new());
        Type(page, "Demos", "50");
        Type(page, "Qualify inbound leads", "30");
        Type(page, "CRM and admin", "20");

        await page.WaitForAssertionAsync(() => Total(page).ShouldBe("40 h"));
        Line(page, "Demos").TextContent.ShouldContain("= 20 h");
        Line(page, "Qualify inbound leads").TextContent.ShouldContain("= 12 h");
        page.Find("[data-testid=percent-total]").TextContent.ShouldStartWith("100 % of 100 %");

        await page.Find("[data-testid=save]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=status]").GetAttribute("data-status").ShouldBe("Draft"));
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        (await db.TimeLogs.Where(t => t.WeekStart == ThisWeek.Monday).SumAsync(t => t.Hours)).ShouldBe(40m);
    }

    [Theory]
    [InlineData("7,5", "7.5", null)]
    [InlineData("7.5", "7.5", null)]
    [InlineData("1.123", null, "At most 2 decimals: 7.55, not 1.123.")]
    [InlineData("-3", null, "Cannot be negative.")]
    [InlineData("1e3", null, "'1e3' is not a number: type it as 7.5 or 7,5.")]
    [InlineData("", "0", null)]
    public async Task A_cell_reads_what_a_person_types_or_marks_it_with_the_reason(string typed, string? savedHours, string? refusal)
    {
        var page = await MyWeekAsync(ThisWeek);
        Type(page, "Cold calls", "2");

        Type(page, "Demos", typed);

        // The cell keeps the text as typed, beside its message when refused.
        await page.WaitForAssertionAsync(() => Line(page, "Demos").QuerySelector("input")!.GetAttribute("value").ShouldBe(typed));
        if (refusal is null)
        {
            Line(page, "Demos").QuerySelectorAll(".mud-input-error").ShouldBeEmpty();
        }
        else
        {
            Line(page, "Demos").TextContent.ShouldContain(refusal);
        }

        await page.Find("[data-testid=save]").ClickAsync(new());

        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        if (savedHours is null)
        {
            page.Find("[data-testid=save-error]").TextContent.ShouldBe("Fix the marked entry first; nothing was saved.");
            (await db.TimeLogs.CountAsync(t => t.WeekStart == ThisWeek.Monday)).ShouldBe(0);
        }
        else
        {
            await page.WaitForAssertionAsync(() => page.Find("[data-testid=status]").GetAttribute("data-status").ShouldBe("Draft"));
            var demos = await db.TimeLogs.Where(t => t.WeekStart == ThisWeek.Monday && t.Activity.Name == "Demos").Select(t => (decimal?)t.Hours).SingleOrDefaultAsync();
            (demos ?? 0m).ShouldBe(decimal.Parse(savedHours, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Errors_appear_next_to_their_cell_and_block_saving()
    {
        var page = await MyWeekAsync(ThisWeek);

        Type(page, "Demos", "-2");
        Type(page, "Cold calls", "101");

        // Beside its own label, the cell does not repeat the activity's name.
        await page.WaitForAssertionAsync(() => Line(page, "Demos").TextContent.ShouldContain("Cannot be negative."));
        Line(page, "Demos").TextContent.ShouldNotContain("Demos: cannot");
        Line(page, "Cold calls").TextContent.ShouldNotContain("cannot be negative");
        page.FindAll("[data-testid=week-error]").ShouldBeEmpty("99 hours is a long week, not too long");
        Type(page, "Demos", "2");
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=week-error]").TextContent.ShouldBe("A week has at most 100 hours; this one has 103."));

        await page.Find("[data-testid=save]").ClickAsync(new());

        page.Find("[data-testid=save-error]").TextContent.ShouldBe("Fix the marked entry first; nothing was saved.");
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        (await db.TimeLogs.CountAsync(t => t.WeekStart == ThisWeek.Monday)).ShouldBe(0);
    }

    [Fact]
    public async Task A_long_week_warns_but_saves()
    {
        var page = await MyWeekAsync(ThisWeek);

        Type(page, "Demos", "62");

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=week-warning]").TextContent.ShouldBe("62 hours is a long week (over 60). Saved anyway if it is right."));
        await page.Find("[data-testid=save]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=status]").GetAttribute("data-status").ShouldBe("Draft"));
    }

    [Fact]
    public async Task Copy_last_week_fills_the_grid_with_last_weeks_hours_without_saving()
    {
        var demo = DemoOrganization.Build(Clock.Today);
        var lastWeeks = demo.TimeLogs.Where(t => t.Rep.Email == DemoAccounts.RepEmail && t.Week == LastWeek).ToList();
        var page = await MyWeekAsync(ThisWeek);

        await page.Find("[data-testid=copy-last-week]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Total(page).ShouldBe(lastWeeks.Sum(t => t.Hours).ToString("0.##", CultureInfo.InvariantCulture) + " h"));
        var demos = lastWeeks.Single(t => t.Activity.Name == "Demos").Hours;
        Line(page, "Demos").QuerySelector("input")!.GetAttribute("value").ShouldBe(demos.ToString("0.####", CultureInfo.InvariantCulture));
        page.Find("[data-testid=status]").GetAttribute("data-status").ShouldBe("Missing");
    }

    [Fact]
    public async Task A_locked_week_is_read_only_and_says_why()
    {
        var manager = await _database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);
        var team = new TeamWeekService(_database.Access, new WeekService(_database.Access, new WeekEntryValidator(), Clock),
            new MailOutbox(new EmailSender(Options.Create(new SmtpOptions())), Clock), Clock);
        (await team.LockAsync(manager, manager.ManagedTeamIds.Single(), LastWeek)).Succeeded.ShouldBeTrue();

        var page = await MyWeekAsync(LastWeek);

        page.Find("[data-testid=locked]").TextContent.ShouldContain("Weeks up to 2026-W47 are locked for the Commercial team (by Mia Manager).");
        page.FindAll("[data-testid=save]").ShouldBeEmpty();
        page.FindAll("[data-testid=submit]").ShouldBeEmpty();
        page.FindAll("[data-testid=week-line] input").ShouldAllBe(i => i.HasAttribute("readonly"));
        page.Find("[data-testid=copy-last-week]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task A_manager_enters_an_open_week_on_a_reps_behalf_but_only_views_a_locked_one()
    {
        var manager = await _database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);
        var rep = (await _database.MemberOfAsync("rep@demo.salesspec", DemoOrganization.Name)).RepId!.Value;
        var team = new TeamWeekService(_database.Access, new WeekService(_database.Access, new WeekEntryValidator(), Clock),
            new MailOutbox(new EmailSender(Options.Create(new SmtpOptions())), Clock), Clock);
        (await team.LockAsync(manager, manager.ManagedTeamIds.Single(), LastWeek)).Succeeded.ShouldBeTrue();
        await _context.SignInAsync(_database, "manager@demo.salesspec");
        _context.Render<MudPopoverProvider>();

        var locked = _context.Render<WeekPage>(p => p.Add(x => x.OrganizationId, _organizationId).Add(x => x.RepId, rep).Add(x => x.Week, LastWeek.ToString()));
        var open = _context.Render<WeekPage>(p => p.Add(x => x.OrganizationId, _organizationId).Add(x => x.RepId, rep).Add(x => x.Week, ThisWeek.ToString()));

        await locked.WaitForAssertionAsync(() => locked.Find("[data-testid=on-behalf]").TextContent.ShouldBe("You are viewing Olivia Patel's week."));
        locked.Markup.ShouldNotContain("entering this week");
        locked.FindAll("[data-testid=save]").ShouldBeEmpty();
        await open.WaitForAssertionAsync(() => open.Find("[data-testid=on-behalf]").TextContent.ShouldStartWith("You are entering this week on behalf of Olivia Patel."));
    }

    [Fact]
    public async Task The_rep_sees_their_focus_and_one_line_of_advice()
    {
        var page = await MyWeekAsync(ThisWeek);

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=focus-level]").TextContent.ShouldBe("Unfocused"));
        page.Find("[data-testid=advice]").TextContent.ShouldContain("mostly inbound qualification");
    }

    [Fact]
    public async Task A_team_week_of_hundreds_draws_one_page_with_a_search_and_a_pager()
    {
        await TeamWeekPageModelTests.AddRepsToManagersTeamAsync(_database, 120);
        await _context.SignInAsync(_database, "manager@demo.salesspec");
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<TeamWeekPage>(p => p.Add(x => x.OrganizationId, _organizationId).Add(x => x.Week, LastWeek.ToString()));

        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=team-row]").Count.ShouldBe(TeamWeekPageModel.PageSize));
        page.Find("[data-testid=team-range]").TextContent.ShouldBe("1–50 of 126 reps");

        await page.FindAll("[data-testid=team-pages] button").First(b => b.TextContent.Trim() == "3").ClickAsync(new());
        page.FindAll("[data-testid=team-row]").Count.ShouldBe(26);

        var search = page.Find("[data-testid=team-search]");
        (search.TagName == "INPUT" ? search : search.QuerySelector("input")!).Input("olivia");
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=team-row]").Select(r => r.GetAttribute("data-rep")).ShouldBe(["Olivia Patel"]));
        page.Find("[data-testid=team-range]").TextContent.ShouldBe("1–1 of 1 matching of 126 reps");
        page.FindAll("[data-testid=team-pages]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_team_week_lists_each_reps_status_and_bulk_approves_the_selected()
    {
        await _context.SignInAsync(_database, "manager@demo.salesspec");
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<TeamWeekPage>(p => p.Add(x => x.OrganizationId, _organizationId).Add(x => x.Week, LastWeek.ToString()));
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=team-row]").Count.ShouldBe(6));
        page.FindAll("[data-testid=team-row]").Select(r => (r.GetAttribute("data-rep"), r.QuerySelector("[data-testid=status]")!.GetAttribute("data-status")))
            .ShouldBe([("Pablo Quinn", "Submitted"), ("Rosa Silva", "Submitted"), ("Sam Tanaka", "Submitted"), ("Tara Usman", "Submitted"), ("Noah Okafor", "Missing"), ("Olivia Patel", "Draft")]);
        page.Find("[data-testid=remind]").TextContent.ShouldContain("Remind the 2 reps who have not submitted");

        var selectAll = page.Find("[data-testid=select-all]");
        (selectAll.TagName == "INPUT" ? selectAll : selectAll.QuerySelector("input")!).Change(true);
        page.Find("[data-testid=approve-selected]").TextContent.ShouldContain("Approve selected (4)");
        await page.Find("[data-testid=approve-selected]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=team-message]").TextContent.ShouldContain("Approved 4 weeks."));
        page.FindAll("[data-testid=team-row] [data-testid=status]").Count(s => s.GetAttribute("data-status") == "Approved").ShouldBe(4);
    }

    [Fact]
    public async Task The_lock_panel_shows_what_a_lock_closes_locks_on_confirmation_and_lists_the_lock()
    {
        await _context.SignInAsync(_database, "manager@demo.salesspec");
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<TeamWeekPage>(p => p.Add(x => x.OrganizationId, _organizationId).Add(x => x.Week, LastWeek.ToString()));
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=team-row]").Count.ShouldBe(6));

        await page.Find("[data-testid=lock-toggle]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=lock-none]").TextContent.ShouldStartWith("No weeks are locked."));
        await page.Find("[data-testid=lock-review]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=lock-plan]").TextContent.ShouldContain("This locks every week up to and including 2026-W46 for the Commercial team"));
        page.FindAll("[data-testid=lock-list]").ShouldBeEmpty("nothing is locked before the confirmation");

        await page.Find("[data-testid=lock-confirm]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=team-message]").TextContent.ShouldContain("Locked every week up to and including 2026-W46 for the Commercial team."));
        page.Find("[data-testid=lock-item]").TextContent.ShouldContain("Every week up to 2026-W46 for the Commercial team");
        page.FindAll("[data-testid=lock-lift]").ShouldBeEmpty("a Manager does not lift locks");
        page.FindAll("[data-testid=lock-plan]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_footer_names_save_draft_and_says_on_one_line_what_is_wrong_only_while_something_is()
    {
        var page = await MyWeekAsync(ThisWeek);
        page.Find("[data-testid=save]").GetAttribute("aria-label").ShouldBe("Save draft");
        page.Find("[data-testid=week-messages]").GetAttribute("aria-live").ShouldBe("polite");
        page.FindAll("[data-testid=footer-problem]").ShouldBeEmpty();

        Type(page, "Demos", "60");
        Type(page, "Cold calls", "50");

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=footer-problem]").TextContent.Trim().ShouldBe("A week has at most 100 hours; this one has 110."));
        page.Find("[data-testid=week-error]").TextContent.ShouldBe("A week has at most 100 hours; this one has 110.");

        Type(page, "Cold calls", "5");
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=footer-problem]").ShouldBeEmpty());

        // A refused save is said at the top of the page, out of sight on a phone scrolled down to the footer.
        Type(page, "Cold calls", "-5");
        await page.Find("[data-testid=save]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=footer-problem]").TextContent.Trim().ShouldBe("Fix the marked entry first; nothing was saved."));
        page.FindAll("[data-testid=save-error]").Count.ShouldBe(1);

        // Once the cell is fixed, nothing asks to fix it any more, at the top or in the footer.
        Type(page, "Cold calls", "5");
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=footer-problem]").ShouldBeEmpty());
        page.FindAll("[data-testid=save-error]").ShouldBeEmpty();
    }

    private async Task<IRenderedComponent<TeamWeekPage>> TeamWeekAsync()
    {
        await _context.SignInAsync(_database, "manager@demo.salesspec");
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<TeamWeekPage>(p => p.Add(x => x.OrganizationId, _organizationId).Add(x => x.Week, LastWeek.ToString()));
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=team-card]").Count.ShouldBe(6));
        return page;
    }

    private static AngleSharp.Dom.IElement Card(IRenderedComponent<TeamWeekPage> page, string rep) =>
        page.Find($"[data-testid=team-card][data-rep='{rep}']");

    private async Task<TimesheetStatus> StatusInDatabaseAsync(string email)
    {
        var rep = await _database.RepIdAsync(DemoOrganization.Name, email);
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        return await db.Timesheets.Where(t => t.RepId == rep && t.WeekStart == LastWeek.Monday).Select(t => t.Status).SingleAsync();
    }

    [Fact]
    public async Task On_a_phone_each_rep_is_a_card_whose_approve_and_reject_name_the_rep()
    {
        var page = await TeamWeekAsync();

        page.FindAll("[data-testid=team-card]").Select(c => (c.GetAttribute("data-rep"), c.QuerySelector("[data-testid=status]")!.GetAttribute("data-status"),
                c.QuerySelector("[data-testid=card-hours]")!.TextContent.EndsWith(" h", StringComparison.Ordinal)))
            .ShouldBe([("Pablo Quinn", "Submitted", true), ("Rosa Silva", "Submitted", true), ("Sam Tanaka", "Submitted", true), ("Tara Usman", "Submitted", true),
                ("Noah Okafor", "Missing", true), ("Olivia Patel", "Draft", true)]);
        foreach (var rep in new[] { "Pablo Quinn", "Rosa Silva", "Sam Tanaka", "Tara Usman" })
        {
            Card(page, rep).QuerySelector("[data-testid=approve]")!.GetAttribute("aria-label").ShouldBe($"Approve {rep}'s week");
            Card(page, rep).QuerySelector("[data-testid=reject]")!.GetAttribute("aria-label").ShouldBe($"Reject {rep}'s week");
        }
        foreach (var rep in new[] { "Noah Okafor", "Olivia Patel" })
        {
            Card(page, rep).QuerySelectorAll("[data-testid=approve], [data-testid=reject]").ShouldBeEmpty($"{rep} has nothing to review");
        }
        // The card's hours are the table row's: one model, two layouts.
        var hours = page.Find("[data-testid=team-row][data-rep='Rosa Silva'] td:nth-child(5)").TextContent.Trim();
        Card(page, "Rosa Silva").QuerySelector("[data-testid=card-hours]")!.TextContent.ShouldBe($"{hours} h");
    }

    [Fact]
    public async Task Approve_on_a_card_approves_that_reps_week_and_no_other()
    {
        var page = await TeamWeekAsync();

        await Card(page, "Rosa Silva").QuerySelector("[data-testid=approve]")!.ClickAsync(new());

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=team-message]").TextContent.ShouldContain("Approved 1 week."));
        Card(page, "Rosa Silva").QuerySelector("[data-testid=status]")!.GetAttribute("data-status").ShouldBe("Approved");
        Card(page, "Rosa Silva").QuerySelectorAll("[data-testid=approve]").ShouldBeEmpty();
        Card(page, "Pablo Quinn").QuerySelector("[data-testid=status]")!.GetAttribute("data-status").ShouldBe("Submitted");
        page.Find("[data-testid=team-row][data-rep='Rosa Silva'] [data-testid=status]").GetAttribute("data-status").ShouldBe("Approved");
        (await StatusInDatabaseAsync("rosa.silva@northwind.test")).ShouldBe(TimesheetStatus.Approved);
        (await StatusInDatabaseAsync("pablo.quinn@northwind.test")).ShouldBe(TimesheetStatus.Submitted);
    }

    [Fact]
    public async Task Reject_on_a_card_asks_why_in_the_card_and_sends_that_reps_week_back()
    {
        var page = await TeamWeekAsync();

        await Card(page, "Sam Tanaka").QuerySelector("[data-testid=reject]")!.ClickAsync(new());
        var panel = Card(page, "Sam Tanaka").QuerySelector("[data-testid=reject-panel]");
        panel.ShouldNotBeNull();
        panel.TextContent.ShouldContain("Why is Sam Tanaka's week sent back?");
        await Card(page, "Sam Tanaka").QuerySelector("[data-testid=reject-confirm]")!.ClickAsync(new());
        (await StatusInDatabaseAsync("sam.tanaka@northwind.test")).ShouldBe(TimesheetStatus.Submitted, "no reason, no rejection");

        var comment = Card(page, "Sam Tanaka").QuerySelector("[data-testid=reject-comment]")!;
        (comment.TagName == "TEXTAREA" ? comment : comment.QuerySelector("textarea")!).Input("Demos are missing on Thursday.");
        await Card(page, "Sam Tanaka").QuerySelector("[data-testid=reject-confirm]")!.ClickAsync(new());

        await page.WaitForAssertionAsync(() => Card(page, "Sam Tanaka").QuerySelector("[data-testid=status]")!.GetAttribute("data-status").ShouldBe("Rejected"));
        Card(page, "Sam Tanaka").TextContent.ShouldContain("Sent back: Demos are missing on Thursday.");
        (await StatusInDatabaseAsync("sam.tanaka@northwind.test")).ShouldBe(TimesheetStatus.Rejected);
    }

    [Fact]
    public async Task A_rep_cannot_open_the_team_week_or_another_reps_week()
    {
        await _context.SignInAsync(_database, "rep@demo.salesspec");
        var noah = await _database.RepIdAsync(DemoOrganization.Name, "noah.okafor@northwind.test");

        var team = _context.Render<TeamWeekPage>(p => p.Add(x => x.OrganizationId, _organizationId));
        var other = _context.Render<WeekPage>(p => p.Add(x => x.OrganizationId, _organizationId).Add(x => x.RepId, noah).Add(x => x.Week, ThisWeek.ToString()));

        await team.WaitForAssertionAsync(() => team.Find("[data-testid=page-error]").TextContent.ShouldContain("The team week is for Managers, Leaders and Admins."));
        await other.WaitForAssertionAsync(() => other.Find("[data-testid=page-error]").TextContent.ShouldContain("You can only see and enter your own week"));
        other.Markup.ShouldNotContain("Noah");
    }
}
