using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using System.Globalization;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Web.Components.Shared;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Scenarios;
using SalesSpec.Web.Features.Scenarios.Components;
using SalesSpec.Web.Features.Scenarios.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Scenarios;

/// <summary>The board and the comparison on the demo data: a move re-computes the numbers, undo takes it back, the comparison lines today up with the scenarios.</summary>
public sealed class ScenarioPagesTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_database.Factory);
        _context.Services.AddSingleton<TimeProvider>(Clock);
        _context.Services.AddSingleton<OrganizationAccess>();
        _context.Services.AddSingleton<AnalysisService>();
        _context.Services.AddSingleton<FluentValidation.IValidator<NewScenarioForm>, NewScenarioFormValidator>();
        _context.Services.AddSingleton<FluentValidation.IValidator<ScenarioDraft>, ScenarioDraftValidator>();
        _context.Services.AddSingleton<FluentValidation.IValidator<SalesSpec.Web.Features.Roles.Services.RoleSetting>, SalesSpec.Web.Features.Roles.Services.RoleSettingValidator>();
        _context.Services.AddSingleton<FluentValidation.IValidator<SalesSpec.Web.Features.Roles.Services.NewRole>, SalesSpec.Web.Features.Roles.Services.NewRoleValidator>();
        _context.Services.AddSingleton<SalesSpec.Web.Features.Roles.Services.RolesService>();
        _context.Services.AddSingleton<SalesSpec.Web.Features.Organizations.Services.ReferenceFigureSetting>();
        _context.Services.AddSingleton<FluentValidation.IValidator<HireForm>, HireFormValidator>();
        _context.Services.AddSingleton<ScenarioService>();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<IRenderedComponent<ScenarioBoardPage>> BoardAsync(int id)
    {
        await _context.SignInAsync(_database, "consultant@demo.salesspec");
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<ScenarioBoardPage>(p => p.Add(x => x.OrganizationId, 1).Add(x => x.ScenarioId, id));
        await page.WaitForElementAsync("[data-testid=board]");
        return page;
    }

    private static string Cell(IRenderedComponent<ScenarioBoardPage> page, string testId) => page.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public async Task The_inbound_recommendation_reads_the_same_on_the_dashboard_the_board_and_the_report()
    {
        var consultant = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var id = await ScenarioServiceTests.CreateInboundAsync(_database, consultant);
        var board = await BoardAsync(id);
        var analysis = await _context.Services.GetRequiredService<AnalysisService>().AnalyzeAsync(consultant, IsoWeek.Parse("2026-W36"), IsoWeek.Parse("2026-W47"));
        var inbound = analysis.Result!.Recommendations.Single(r => r.Kind == RecommendationKind.SplitOutRole && r.Workload == Workload.InboundQualification);
        var hours = Numbers.Hours(inbound.WeeklyHours);
        var fte = Numbers.Fte(inbound.FteEquivalent);
        var headcount = inbound.SuggestedHeadcount!.Value;
        headcount.ShouldBeGreaterThan(inbound.Candidates!.Count, "the demo's case: more seats than the three names");

        // The dashboard's card: share, hours a week, FTE, headcount, and where the seats beyond the names come from.
        var card = _context.Render<SalesSpec.Web.Features.Dashboard.Components.RecommendationCard>(p => p
            .Add(x => x.Recommendation, inbound).Add(x => x.Threshold, 0.2m).Add(x => x.RepLink, email => $"?rep={email}"));
        card.FindAll("[data-testid=evidence] .mud-typography-h5").Select(h => h.TextContent.Trim()).Skip(1).ShouldBe([hours, fte, headcount.ToString(CultureInfo.InvariantCulture)]);
        card.Find("[data-testid=other-seats]").TextContent.ShouldBe($"{inbound.Candidates.Count} named here; {headcount - inbound.Candidates.Count} more from moves or hires.");

        // The board of a scenario over the same weeks: the same hours, counted against the same headcount, and today's
        // gap in FTE is the recommendation's FTE.
        Cell(board, "focus-staffing").ShouldContain($"0 of {headcount} people suggested for its {hours} h a week");
        Cell(board, "gap-InboundQualification").ShouldBe($"−{hours}");
        board.Find("[data-testid=workload-InboundQualification]").Children[4].TextContent.Trim().ShouldBe($"−{fte}");

        // The report prints the analyzer's own words, whose numbers are the same.
        var report = _context.Render<ScenarioReportPage>(p => p.Add(x => x.OrganizationId, 1).Add(x => x.ScenarioId, id));
        await report.WaitForAssertionAsync(() => report.Markup.ShouldContain("What the analyzer recommends today"));
        report.Markup.ShouldContain($"{hours} hours a week, {fte} FTE");
        report.Markup.ShouldContain($"about {headcount} people");
        report.Markup.ShouldContain($"{inbound.Candidates.Count} named here; {headcount - inbound.Candidates.Count} more from moves or hires.");
        // Printing runs in the browser (js/document.js): the report renders statically, with no circuit to click on.
        report.Find("[data-testid=print]").GetAttribute("data-print").ShouldBe("true");
    }

    [Fact]
    public async Task The_board_finds_reps_by_name_and_by_team_while_the_numbers_still_count_everyone()
    {
        var consultant = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var id = await ScenarioServiceTests.CreateInboundAsync(_database, consultant);
        var page = await BoardAsync(id);
        var gap = Cell(page, "gap-InboundQualification");
        var everyone = page.FindAll("[data-testid=rep-card]").Count;
        everyone.ShouldBeGreaterThan(10);
        page.FindAll("[data-testid=board-matches]").ShouldBeEmpty();

        var search = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Find a rep");
        await page.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("ruiz"));
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=rep-card]").Select(c => c.QuerySelector(".rep-name")!.TextContent.Trim()).ShouldBe(["Ana Ruiz"]));
        Cell(page, "board-matches").ShouldStartWith($"1 of {everyone} reps match");
        Cell(page, "gap-InboundQualification").ShouldBe(gap);

        await page.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync(""));
        var team = page.FindComponents<MudSelect<string>>().Single(f => f.Instance.Label == "Team");
        await page.InvokeAsync(() => team.Instance.ValueChanged.InvokeAsync("Commercial"));
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=rep-card]").Count.ShouldBe(6));
        page.FindAll("[data-testid=rep-card] .rep-card-meta").ShouldAllBe(meta => meta.TextContent.Contains("Commercial"));
        Cell(page, "gap-InboundQualification").ShouldBe(gap);

        await page.InvokeAsync(() => team.Instance.ValueChanged.InvokeAsync(""));
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=rep-card]").Count.ShouldBe(everyone));
    }

    [Fact]
    public async Task Moving_reps_on_the_board_recomputes_the_numbers_and_undo_takes_it_back()
    {
        var consultant = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var id = await ScenarioServiceTests.CreateInboundAsync(_database, consultant);
        var page = await BoardAsync(id);
        var gapToday = Cell(page, "gap-InboundQualification");
        var hourToday = page.Find("[data-testid=hour-cost-InboundQualification] [data-testid=hour-cost-scenario]").TextContent;
        gapToday.ShouldBe("−203.8");
        page.FindAll("[data-testid=rep-card][data-candidate-for~=InboundQualification]").Count.ShouldBe(3);
        page.FindAll("[data-testid=unsaved]").ShouldBeEmpty();

        // A drop onto the Market Response Rep zone, as the drop container reports it.
        var container = page.FindComponent<MudDropContainer<BoardCard>>();
        var card = container.Instance.Items!.First(c => c.CandidateFor.Contains(Workload.InboundQualification));
        await page.InvokeAsync(() => container.Instance.ItemDropped.InvokeAsync(new MudItemDropInfo<BoardCard>(card, "Market Response Rep", 0)));

        await page.WaitForAssertionAsync(() => Cell(page, "gap-InboundQualification").ShouldBe("−167.8"));
        page.Find("[data-testid=board-column][data-role='Market Response Rep'] [data-testid=column-count]").TextContent.ShouldContain("1");
        page.Find("[data-testid=unsaved]").TextContent.ShouldBe("Unsaved changes");

        await page.Find("[data-testid=move-candidates]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Cell(page, "gap-InboundQualification").ShouldBe("−95.8"));
        page.Find("[data-testid=focus-staffing]").TextContent.ShouldContain("3 of 5 people suggested");
        var hourAfter = page.Find("[data-testid=hour-cost-InboundQualification] [data-testid=hour-cost-scenario]").TextContent;
        decimal.Parse(hourAfter, System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThan(decimal.Parse(hourToday, System.Globalization.CultureInfo.InvariantCulture));

        await page.Find("[data-testid=undo]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Cell(page, "gap-InboundQualification").ShouldBe("−167.8"));
        await page.Find("[data-testid=undo]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Cell(page, "gap-InboundQualification").ShouldBe(gapToday));
        page.FindAll("[data-testid=unsaved]").ShouldBeEmpty();
        page.Find("[data-testid=undo]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task Unsaved_moves_are_kept_in_the_browser_come_back_on_opening_and_go_once_saved()
    {
        var consultant = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var id = await ScenarioServiceTests.CreateInboundAsync(_database, consultant);
        var signedIn = await _database.MemberOfAsync("consultant@demo.salesspec", DemoOrganization.Name);
        var key = KeptScenario.Key(signedIn.UserId, 1, id);
        var page = await BoardAsync(id);
        var gapToday = Cell(page, "gap-InboundQualification");

        await page.Find("[data-testid=move-candidates]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Cell(page, "gap-InboundQualification").ShouldBe("−95.8"));

        // What the browser was told to keep is the moved board, over the saved version.
        string? json = null;
        await page.WaitForAssertionAsync(() =>
        {
            var written = _context.JSInterop.Invocations["localStorage.setItem"].Select(i => i.Arguments.ToArray()).ToList();
            written.ShouldNotBeEmpty();
            written[^1][0].ShouldBe(key);
            json = (string)written[^1][1]!;
        });
        var kept = KeptScenario.Read(json).ShouldNotBeNull();
        kept.Version.ShouldBe(1);
        kept.Draft.Roles.Values.Count(r => r == "Market Response Rep").ShouldBe(3);

        // Saved: the kept copy goes, and the database has the moves.
        await page.Find("[data-testid=save]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => _context.JSInterop.Invocations["localStorage.removeItem"].ShouldContain(i => (string)i.Arguments[0]! == key));
        var saved = await ScenarioServiceTests.Service(_database).OpenAsync(consultant, id);
        saved!.Draft.Roles.Values.Count(r => r == "Market Response Rep").ShouldBe(3);
    }

    [Fact]
    public async Task A_kept_board_of_the_saved_version_is_put_back_and_one_over_an_older_version_is_offered()
    {
        var consultant = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var id = await ScenarioServiceTests.CreateInboundAsync(_database, consultant);
        var service = ScenarioServiceTests.Service(_database);
        var draft = (await service.OpenAsync(consultant, id))!.Draft;
        var candidates = (await service.OpenAsync(consultant, id))!.Today.Recommendations
            .Where(r => r.Workload == Workload.InboundQualification && r.Candidates is not null).SelectMany(r => r.Candidates!).ToList();
        // The scenario's roles are its moves: the three candidates to the Market Response Rep role.
        var moved = draft with { Roles = candidates.ToDictionary(c => c, _ => "Market Response Rep", StringComparer.OrdinalIgnoreCase) };
        candidates.Count.ShouldBe(3);
        var at = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
        var signedIn = await _database.MemberOfAsync("consultant@demo.salesspec", DemoOrganization.Name);
        _context.JSInterop.Setup<string?>("localStorage.getItem", KeptScenario.Key(signedIn.UserId, 1, id))
            .SetResult(new KeptScenario(draft.Version, moved, at).ToJson());

        var page = await BoardAsync(id);

        await page.WaitForAssertionAsync(() => Cell(page, "gap-InboundQualification").ShouldBe("−95.8"));
        page.Find("[data-testid=kept-restored]").TextContent.ShouldContain("23 Nov 09:30 UTC");
        page.Find("[data-testid=unsaved]").TextContent.ShouldBe("Unsaved changes");
        await page.Find("[data-testid=undo]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Cell(page, "gap-InboundQualification").ShouldBe("−203.8"));

        // Saved again by someone else: the same kept board is now over an older version, so it is only offered.
        (await service.SaveAsync(consultant, draft with { Notes = "Checked with the VP" })).Succeeded.ShouldBeTrue();
        var again = _context.Render<ScenarioBoardPage>(p => p.Add(x => x.OrganizationId, 1).Add(x => x.ScenarioId, id));
        await again.WaitForElementAsync("[data-testid=board]");
        await again.WaitForAssertionAsync(() => again.Find("[data-testid=kept-offered]").TextContent.ShouldContain("saved since"));
        Cell(again, "gap-InboundQualification").ShouldBe("−203.8");
        await again.Find("[data-testid=kept-use]").ClickAsync(new());
        await again.WaitForAssertionAsync(() => Cell(again, "gap-InboundQualification").ShouldBe("−95.8"));
    }

    [Fact]
    public async Task A_saved_board_survives_a_reload_and_the_comparison_lines_up_today_and_two_scenarios()
    {
        var consultant = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var service = ScenarioServiceTests.Service(_database);
        var first = await ScenarioServiceTests.CreateInboundAsync(_database, consultant, "Inbound team");
        var second = await ScenarioServiceTests.CreateInboundAsync(_database, consultant, "Hire instead");
        var page = await BoardAsync(first);
        await page.Find("[data-testid=move-candidates]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=save]").HasAttribute("disabled").ShouldBeFalse());
        await page.Find("[data-testid=save]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=unsaved]").ShouldBeEmpty());
        var hires = (await service.OpenAsync(consultant, second))!.Draft;
        (await service.SaveAsync(consultant, hires with { Hires = [new ScenarioHire("Market Response Rep", 6, false, 0)] })).Succeeded.ShouldBeTrue();

        var navigation = _context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"/organizations/1/scenarios/compare?ids={first},{second}");
        var compare = _context.Render<ScenarioComparePage>(p => p.Add(x => x.OrganizationId, 1));
        await compare.WaitForElementAsync("[data-testid=comparison]");

        compare.FindAll("[data-testid=comparison-column]").Select(c => c.TextContent).ShouldBe(["Today", "Inbound team", "Hire instead"]);
        string[] Row(string testId) => compare.FindAll($"[data-testid={testId}] td").Skip(1).Select(c => c.TextContent.Trim()).ToArray();
        Row("row-people").ShouldBe(["19", "19", "25"]);
        Row("row-changes").ShouldBe(["—", "3 · 0", "0 · 6"]);
        Row("row-gap-InboundQualification").ShouldBe(["−203.8 (−5.1)", "−95.8 (−2.4)", "+12.2 (+0.3)"]);
        // Three Full-Cycle Reps (130,000) become Market Response Reps (70,000); six hires add 420,000.
        Row("row-cost")[0].ShouldBe("2,510,000");
        Row("row-cost")[1].ShouldBe("2,330,000−180,000");
        Row("row-cost")[2].ShouldBe("2,930,000+420,000");
        Row("row-internal").ShouldBe(["—", "100 %", "0 %"]);
        compare.Find("[data-testid=row-rules]").TextContent.ShouldContain("Break out inbound qualification into its own role");
    }

    [Fact]
    public async Task A_moved_card_says_which_role_the_rep_was_in()
    {
        var consultant = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var id = await ScenarioServiceTests.CreateInboundAsync(_database, consultant);
        var page = await BoardAsync(id);
        var container = page.FindComponent<MudDropContainer<BoardCard>>();
        var card = container.Instance.Items!.First(c => c.CandidateFor.Contains(Workload.InboundQualification));
        card.CurrentRole.ShouldBe("Full-Cycle Rep");
        string Where() => page.Find($"[data-testid=rep-card][data-email='{card.Email}'] [data-testid=rep-card-where]").TextContent.Trim();
        Where().ShouldBe(card.Team ?? "");

        await page.InvokeAsync(() => container.Instance.ItemDropped.InvokeAsync(new MudItemDropInfo<BoardCard>(card, "Market Response Rep", 0)));

        // In its new column the card tells where the rep came from; the full text is its title, as a long role is cut short.
        await page.WaitForAssertionAsync(() => Where().ShouldBe("was Full-Cycle Rep"));
        var where = page.Find($"[data-testid=board-column][data-role='Market Response Rep'] [data-testid=rep-card][data-email='{card.Email}'] [data-testid=rep-card-where]");
        where.GetAttribute("title").ShouldBe("was Full-Cycle Rep");
        page.FindAll("[data-testid=rep-card-where]").ShouldAllBe(w => !w.TextContent.TrimStart().StartsWith("now ", StringComparison.Ordinal));
        page.Find($"[data-testid=rep-card][data-email='{card.Email}'] .rep-name").GetAttribute("title").ShouldBe(card.Name);
    }

    [Fact]
    public async Task The_summary_bar_shows_the_figures_the_figure_cards_show_and_follows_every_move()
    {
        var consultant = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var id = await ScenarioServiceTests.CreateInboundAsync(_database, consultant);
        var page = await BoardAsync(id);
        string[] keys = ["focused-share", "annual-cost", "annual-cost-delta", "rules-firing", "internal-share"];

        // The report's figure cards for the same scenario: the bar reads the very same numbers.
        var workspace = (await ScenarioServiceTests.Service(_database).OpenAsync(consultant, id)).ShouldNotBeNull();
        var cards = _context.Render<ScenarioFigures>(p => p.Add(x => x.Today, workspace.TodayOutcome()).Add(x => x.Scenario, workspace.Evaluate(workspace.Draft)));
        var summary = page.Find("[data-testid=board-summary]");
        foreach (var key in keys)
        {
            summary.QuerySelector($"[data-testid={key}]")!.TextContent.Trim().ShouldBe(cards.Find($"[data-testid={key}]").TextContent.Trim(), key);
        }
        summary.QuerySelector("[data-testid=annual-cost-delta]")!.TextContent.Trim().ShouldBe("today 2,510,000 · no change");

        // One place on the board: the cards are not drawn twice, and the bar is a labelled, politely live region.
        page.FindAll("[data-testid=scenario-figures]").ShouldBeEmpty();
        foreach (var key in keys)
        {
            page.FindAll($"[data-testid={key}]").Count.ShouldBe(1, key);
        }
        summary.TagName.ShouldBe("SECTION");
        page.Find($"#{summary.GetAttribute("aria-labelledby")}").TextContent.ShouldBe("Live figures");
        summary.QuerySelector("[aria-live=polite]").ShouldNotBeNull();

        // Each workload's gap in the bar is the gap of the capacity table, before and after a move.
        string[] Gaps(string selector) => page.FindAll(selector).Select(g => g.TextContent.Trim()).ToArray();
        Gaps("[data-testid=summary-gap]").ShouldBe(Gaps("[data-testid^=gap-]"));
        Cell(page, "summary-gap-InboundQualification").ShouldContain("−203.8");
        await page.Find("[data-testid=move-candidates]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Cell(page, "gap-InboundQualification").ShouldBe("−95.8"));
        Gaps("[data-testid=summary-gap]").ShouldBe(Gaps("[data-testid^=gap-]"));
        Cell(page, "summary-gap-InboundQualification").ShouldContain("−95.8");
        Cell(page, "annual-cost-delta").ShouldBe("today 2,510,000 · −180,000");
    }

    [Fact]
    public async Task The_projector_toggle_hides_the_chrome_by_a_class_and_says_it_is_pressed()
    {
        var consultant = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant);
        var id = await ScenarioServiceTests.CreateInboundAsync(_database, consultant);
        var page = await BoardAsync(id);
        var toggle = () => page.Find("[data-testid=projector-toggle]");
        toggle().GetAttribute("aria-pressed").ShouldBe("false");
        toggle().TextContent.Trim().ShouldBe("Projector mode");
        page.FindAll(".scenario-board.projector").ShouldBeEmpty();

        // The class alone hides the app's bar and menu (app.css): it must not wait for the browser's full screen.
        await toggle().ClickAsync(new());
        await page.WaitForAssertionAsync(() => toggle().GetAttribute("aria-pressed").ShouldBe("true"));
        page.FindAll(".scenario-board.projector").Count.ShouldBe(1);
        _context.JSInterop.Invocations.Select(i => i.Identifier).ShouldContain("import");

        await toggle().ClickAsync(new());
        await page.WaitForAssertionAsync(() => toggle().GetAttribute("aria-pressed").ShouldBe("false"));
        page.FindAll(".scenario-board.projector").ShouldBeEmpty();

        // Escape (or the browser leaving full screen) comes back through LeaveProjector.
        await toggle().ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.FindAll(".scenario-board.projector").Count.ShouldBe(1));
        await page.Instance.LeaveProjector();
        await page.WaitForAssertionAsync(() => page.FindAll(".scenario-board.projector").ShouldBeEmpty());
        toggle().GetAttribute("aria-pressed").ShouldBe("false");
    }

    [Fact]
    public async Task The_scenarios_page_shows_role_costs_read_only_and_links_to_the_roles_page()
    {
        await _context.SignInAsync(_database, "consultant@demo.salesspec");
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<ScenariosPage>(p => p.Add(x => x.OrganizationId, 1));
        await page.WaitForElementAsync("[data-testid=role-setting]");

        var executive = page.FindAll("[data-testid=role-setting]").Single(r => r.TextContent.Contains("Account Executive", StringComparison.Ordinal));
        executive.QuerySelector("[data-testid=role-cost]")!.TextContent.ShouldBe("USD 150,000");
        page.FindAll("[data-testid=role-settings] input").ShouldBeEmpty();
        page.FindAll("[data-testid=save-role-settings]").ShouldBeEmpty();
        var link = page.Find("[data-testid=edit-roles-link]");
        link.TextContent.ShouldBe("Edit role costs and ramps");
        link.GetAttribute("href").ShouldBe("/organizations/1/roles");

        // Beside the ramp settings: the published ramps and the organisation's own (its longest analysed AE ramp).
        await using var db = await _database.Factory.CreateDbContextAsync();
        var aeRamp = await db.SalesRoles.IgnoreQueryFilters().Where(r => r.OrganizationId == 1 && r.IsAnalysed && r.CoreWorkload == Workload.Closing).MaxAsync(r => r.RampMonths);
        var ramp = await page.WaitForElementAsync("[data-testid=reference-ramp]");
        ramp.TextContent.ShouldContain("Published ramp: AE about 5 months, SDR about 3; yours: AE " + aeRamp + " months");
        ramp.TextContent.ShouldContain("Source: The Bridge Group");
    }

    [Fact]
    public async Task The_form_says_why_a_period_without_hours_is_refused()
    {
        await _context.SignInAsync(_database, "consultant@demo.salesspec");
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<ScenariosPage>(p => p.Add(x => x.OrganizationId, 1));
        await page.WaitForElementAsync("[data-testid=create-scenario]");

        void Type(string testId, string text)
        {
            var field = page.Find($"[data-testid={testId}]");
            (field.TagName == "INPUT" ? field : field.QuerySelector("input")!).Change(text);
        }
        Type("scenario-name", "Empty spring");
        Type("scenario-from", "2026-W01");
        Type("scenario-to", "2026-W10");
        await page.Find("[data-testid=create-scenario]").ClickAsync(new());

        (await page.WaitForElementAsync("[data-testid=scenario-error]")).TextContent
            .ShouldStartWith("There are no hours logged between 2026-W01 and 2026-W10; pick a period with data (hours run from ");
        (await _context.Services.GetRequiredService<ScenarioService>().ListAsync(await _database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rep_is_told_scenarios_are_not_theirs()
    {
        await _context.SignInAsync(_database, "rep@demo.salesspec");
        var page = _context.Render<ScenariosPage>(p => p.Add(x => x.OrganizationId, 1));
        (await page.WaitForElementAsync("[data-testid=page-error]")).TextContent.ShouldBe(ScenarioService.NotAllowed);
    }
}
