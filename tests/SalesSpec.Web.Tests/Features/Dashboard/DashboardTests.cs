using Microsoft.AspNetCore.Components;
using System.Net;
using System.Security.Claims;
using Bunit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Components.Shared;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Dashboard;
using SalesSpec.Web.Features.Dashboard.Components;
using SalesSpec.Web.Features.Dashboard.Services;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Dashboard;

/// <summary>The dashboard's cards and panels on fixed analysis results, and the page on the demo data.</summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;
    private string? _signedIn;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_database.Factory);
        _context.Services.AddSingleton<TimeProvider>(Clock);
        _context.Services.AddSingleton<OrganizationAccess>();
        _context.Services.AddSingleton<AnalysisService>();
        _context.Services.AddSingleton<DashboardService>();
        _context.Services.AddSingleton<RepFocusService>();
        _context.Services.AddSingleton<SalesSpec.Web.Features.Organizations.Services.ReferenceFigureSetting>();
        _context.Services.AddSingleton<IValidator<AnalysisQuery>, AnalysisQueryValidator>();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static RepFigures Rep(string name, decimal core, decimal nonCore, Focus focus) =>
        new($"{name.ToLowerInvariant()}@acme.test", name, "East", "Full-Cycle Rep", Workload.Closing, 400m, core, nonCore, 1m - core - nonCore, focus,
            new Dictionary<SalesFunction, decimal>());

    private static Recommendation SplitOut(bool advisory) =>
        new(RecommendationKind.SplitOutRole, Workload.InboundQualification, 0.243m, 203.8m, 5.095m, 5, ["kara@acme.test", "olivia@acme.test"], advisory,
            "Reps outside inbound qualification spend 24.3% of their time on it.", "seed 003: break out a function taking more than 20% of the group's time");

    private static AnalysisResult Result(IReadOnlyList<RepFigures> reps, IReadOnlyList<Recommendation> recommendations, IReadOnlyList<MissingTimesheet> missing) =>
        new(IsoWeek.Of(2026, 36), IsoWeek.Of(2026, 47), 12, OrganizationTemplate.FourRoles, 0.2m, 40m, 4800m, 0.8m,
            [new WorkloadFigure(Workload.Closing, [SalesFunction.Closing], 3840m, 0.8m)], new HoursShare(960m, 0.2m), [], reps, recommendations, missing);

    [Fact]
    public void The_headline_figures_count_focus_recommendations_and_completeness()
    {
        var result = Result(
            [Rep("Ana", 0.9m, 0.05m, Focus.Focused), Rep("Ben", 0.6m, 0.15m, Focus.Watch), Rep("Cara", 0.4m, 0.4m, Focus.Unfocused)],
            [SplitOut(false), new Recommendation(RecommendationKind.SpecializationCaution, null, null, null, null, null, null, false, "why", "seed 001")],
            [new MissingTimesheet("ben@acme.test", [IsoWeek.Of(2026, 40)]), new MissingTimesheet("dan@acme.test", Enumerable.Range(36, 12).Select(w => IsoWeek.Of(2026, w)).ToList())]);

        var figures = DashboardFigures.From(result);

        (figures.Focused, figures.Watch, figures.Unfocused, figures.Recommendations).ShouldBe((1, 1, 1, 1));
        (figures.MissingWeeks, figures.ExpectedWeeks).ShouldBe((13, 48), "Dan logged nothing, so four reps were expected for 12 weeks");
        figures.Completeness.ShouldBe(1m - 13m / 48m);
    }

    /// <summary>The static page's address as the page builds it: the view's link and the rest of the query.</summary>
    private static DashboardAddress Address(params (string Key, string Value)[] state) =>
        new("/organizations/7/dashboard?weeks=12", state.ToDictionary(s => s.Key, s => (string?)s.Value));

    [Fact]
    public void A_recommendation_card_shows_the_kind_in_words_the_evidence_candidates_and_source()
    {
        var card = _context.Render<RecommendationCard>(p => p
            .Add(x => x.Recommendation, SplitOut(advisory: false))
            .Add(x => x.Threshold, 0.2m)
            .Add(x => x.RepLink, Address().RepLink)
            .Add(x => x.RepNames, new Dictionary<string, string> { ["kara@acme.test"] = "Kara Lopez" }));

        card.Find("[data-testid=recommendation-title]").TextContent.ShouldBe("Break out inbound qualification into its own role");
        var evidence = card.Find("[data-testid=evidence]").TextContent;
        evidence.ShouldContain("24.3 %");
        evidence.ShouldContain("203.8");
        evidence.ShouldContain("5.1");
        card.FindAll("[data-testid=candidate]").Select(c => c.TextContent.Trim()).ShouldBe(["Kara Lopez", "olivia@acme.test"]);
        // A candidate is a link to their details on the same view of the dashboard.
        card.FindAll("a[data-testid=candidate]").Select(c => c.GetAttribute("href"))
            .ShouldBe(["/organizations/7/dashboard?weeks=12&rep=kara@acme.test#rep-details", "/organizations/7/dashboard?weeks=12&rep=olivia@acme.test#rep-details"]);
        // Five suggested, two named: the card says where the other three seats come from.
        card.Find("[data-testid=other-seats]").TextContent.ShouldBe("2 named here; 3 more from moves or hires.");
        card.Find("[data-testid=source]").TextContent.ShouldBe("Source: Break out a function taking more than 20% of the group's time — “The Problems with “Lumping”; Separate the Four Core Sales Functions” (Aaron Ross, 2008)");
        card.FindAll("[data-testid=advisory]").ShouldBeEmpty();
    }

    [Fact]
    public void On_a_team_dashboard_an_organisation_wide_rule_says_it_is_organisation_wide()
    {
        var sdr = new Recommendation(RecommendationKind.HireSdrBeforeNextAe, Workload.OutboundProspecting, null, null, null, null, null, false,
            "18 reps have closing as their core job and none prospects outbound: make the next hire an outbound Sales Development Rep, not another Account Executive.",
            "seed 003: with 3–4 AEs, make the next hire an outbound SDR, not another AE");
        var leads = sdr with { Kind = RecommendationKind.AddMarketResponseRep, Rationale = "About 316 inbound leads arrive a month." };

        var onTeam = _context.Render<RecommendationCard>(p => p.Add(x => x.RepLink, Address().RepLink).Add(x => x.Recommendation, sdr).Add(x => x.Team, "Commercial"));
        var leadsOnTeam = _context.Render<RecommendationCard>(p => p.Add(x => x.RepLink, Address().RepLink).Add(x => x.Recommendation, leads).Add(x => x.Team, "Commercial"));
        var onOrganization = _context.Render<RecommendationCard>(p => p.Add(x => x.RepLink, Address().RepLink).Add(x => x.Recommendation, sdr));
        var teamRule = _context.Render<RecommendationCard>(p => p.Add(x => x.RepLink, Address().RepLink).Add(x => x.Recommendation, SplitOut(advisory: false)).Add(x => x.Team, "Commercial"));

        onTeam.Find("[data-testid=organization-wide]").TextContent.ShouldBe("Organisation-wide: counted across the whole organisation, not only the Commercial team.");
        onTeam.Find("[data-testid=organization-wide-chip]").TextContent.ShouldBe("Organisation-wide");
        leadsOnTeam.Find("[data-testid=organization-wide]").TextContent.ShouldContain("the organisation's lead volume");
        onOrganization.FindAll("[data-testid=organization-wide]").ShouldBeEmpty();
        onOrganization.FindAll("[data-testid=organization-wide-chip]").ShouldBeEmpty();
        teamRule.FindAll("[data-testid=organization-wide]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_teams_dashboard_marks_every_organisation_wide_rule_and_the_organisations_marks_none()
    {
        var team = await DashboardAsync("leader@demo.salesspec", query: "team=Commercial");
        await team.WaitForAssertionAsync(() => team.Find("h1").TextContent.ShouldBe("Commercial"));

        var cards = team.FindAll("[data-testid=recommendation]");
        var wide = cards.Where(c => WorkloadAnalyzer.IsOrganizationWide(Enum.Parse<RecommendationKind>(c.GetAttribute("data-kind")!))).ToList();
        wide.ShouldNotBeEmpty("the demo's rules of thumb fire on the organisation");
        wide.ShouldAllBe(c => c.QuerySelector("[data-testid=organization-wide]") != null);
        cards.Except(wide).ShouldAllBe(c => c.QuerySelector("[data-testid=organization-wide]") == null);

        var organization = team.Instance.OrganizationId;
        _context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/organizations/{organization}/dashboard");
        var whole = _context.Render<DashboardPage>(p => p.Add(x => x.OrganizationId, organization));
        await whole.WaitForAssertionAsync(() => whole.FindAll("[data-testid=rep-bar]").Count.ShouldBe(19));
        whole.FindAll("[data-testid=recommendation][data-kind=MissingCoreRoles]").Count.ShouldBe(1);
        whole.FindAll("[data-testid=organization-wide]").ShouldBeEmpty();
    }

    [Fact]
    public void An_inbound_recommendation_shows_the_first_hour_figure_with_its_source_only_when_reference_figures_are_shown()
    {
        var leads = new Recommendation(RecommendationKind.AddMarketResponseRep, Workload.InboundQualification, null, null, null, null, null, false,
            "About 316 inbound leads arrive a month.", "seed 003");
        var closing = SplitOut(advisory: false) with { Workload = Workload.Closing };

        var shown = _context.Render<RecommendationCard>(p => p.Add(x => x.RepLink, Address().RepLink).Add(x => x.Recommendation, leads).Add(x => x.ShowReferenceFigures, true));
        var hidden = _context.Render<RecommendationCard>(p => p.Add(x => x.RepLink, Address().RepLink).Add(x => x.Recommendation, leads).Add(x => x.ShowReferenceFigures, false));
        var other = _context.Render<RecommendationCard>(p => p.Add(x => x.RepLink, Address().RepLink).Add(x => x.Recommendation, closing).Add(x => x.ShowReferenceFigures, true));

        var note = shown.Find("[data-testid=reference-first-hour]").TextContent;
        note.ShouldContain("within the hour");
        note.ShouldContain("Harvard Business Review");
        hidden.FindAll("[data-testid=reference-first-hour]").ShouldBeEmpty();
        other.FindAll("[data-testid=reference-first-hour]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_demo_dashboard_shows_the_published_figures_beside_its_own_and_an_organisation_can_hide_them()
    {
        var page = await DashboardAsync("leader@demo.salesspec");
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=reference-figure]").Count.ShouldBe(2));
        var ratio = page.Find("[data-testid=reference-figure][data-key=sdr-ae]");
        ratio.TextContent.ShouldContain("about 1 : 2.5");
        ratio.QuerySelector("[data-testid=reference-source]")!.TextContent.ShouldContain("TOPO");
        page.Find("[data-testid=reference-figure][data-key=inbound-leads] [data-testid=reference-ours]").TextContent.ShouldNotContain("not known");

        var organization = page.Instance.OrganizationId;
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            var tracked = await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == organization);
            tracked.ShowReferenceFigures(false);
            await db.SaveChangesAsync();
        }
        var hidden = _context.Render<DashboardPage>(p => p.Add(x => x.OrganizationId, organization));
        await hidden.WaitForAssertionAsync(() => hidden.FindAll("[data-testid=rep-bar]").Count.ShouldBe(19));
        hidden.FindAll("[data-testid=reference-figures]").ShouldBeEmpty();
        hidden.FindAll("[data-testid=reference-first-hour]").ShouldBeEmpty();
    }

    [Fact]
    public void When_specialisation_caution_applies_the_card_says_it_is_advisory_and_why()
    {
        var card = _context.Render<RecommendationCard>(p => p
            .Add(x => x.Recommendation, SplitOut(advisory: true))
            .Add(x => x.RepLink, Address().RepLink)
            .Add(x => x.CautionReason, "This organisation has a very simple sales process."));

        card.Find("[data-testid=advisory]").TextContent.ShouldBe("Advisory");
        card.Markup.ShouldContain("Advisory: This organisation has a very simple sales process.");
    }

    [Fact]
    public void Reps_are_sorted_by_time_outside_their_core_job_with_the_threshold_line_on_every_bar()
    {
        _context.Render<MudPopoverProvider>();
        var panel = _context.Render<RepSharesPanel>(p => p
            .Add(x => x.Reps, [Rep("Ana", 0.9m, 0.05m, Focus.Focused), Rep("Cara", 0.4m, 0.4m, Focus.Unfocused), Rep("Ben", 0.6m, 0.15m, Focus.Watch)])
            .Add(x => x.Threshold, 0.25m)
            .Add(x => x.Address, Address()));

        panel.FindAll("[data-testid=rep-bar]").Select(b => b.GetAttribute("data-rep")).ShouldBe(["cara@acme.test", "ben@acme.test", "ana@acme.test"]);
        panel.Find("[data-testid=rep-link]").GetAttribute("href").ShouldBe("/organizations/7/dashboard?weeks=12&rep=cara@acme.test#rep-details");
        panel.FindAll(".threshold-line").ShouldAllBe(l => l.GetAttribute("style")!.Contains("left:25%", StringComparison.Ordinal));
    }

    /// <summary>An organisation's worth of reps: names and teams to search, shares spread so the sort has work to do.</summary>
    private static List<RepFigures> ManyReps(int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var nonCore = (i * 37 % 100) / 200m;
            return new RepFigures($"rep{i:D5}@big.test", $"Rep {i:D5}", $"Team {i / 10:D4}", i % 7 == 0 ? "Account Executive" : "Full-Cycle Rep", Workload.Closing,
                100m + (i % 40), 0.9m - nonCore, nonCore, 0.1m, nonCore > 0.25m ? Focus.Unfocused : Focus.Focused, new Dictionary<SalesFunction, decimal>());
        }).ToList();

    [Fact]
    public void Who_is_stretched_at_thousands_of_reps_draws_one_page_searched_and_sorted_on_the_server()
    {
        var reps = ManyReps(3000);
        IRenderedComponent<RepSharesPanel> Panel(params (string, string)[] state) =>
            _context.Render<RepSharesPanel>(p => p.Add(x => x.Reps, reps).Add(x => x.Threshold, 0.2m).Add(x => x.Address, Address(state)));

        var panel = Panel();
        var bars = panel.FindAll("[data-testid=rep-bar]");
        bars.Count.ShouldBe(RepListQuery.PageSize);
        var expected = reps.OrderByDescending(r => r.NonCoreShare).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        bars.Select(b => b.GetAttribute("data-rep")).ShouldBe(expected.Take(RepListQuery.PageSize).Select(r => r.Email));
        panel.Find("[data-testid=rep-list-range]").TextContent.ShouldBe("1–25 of 3,000 reps");
        panel.Markup.Length.ShouldBeLessThan(40_000, "one page of bars, not 3,000");
        panel.FindAll("[data-testid=rep-list-previous]").ShouldBeEmpty();
        var next = panel.Find("[data-testid=rep-list-next]").GetAttribute("href");
        next.ShouldBe("/organizations/7/dashboard?weeks=12&page=2#dashboard-rep-shares", "back to the list, not the top of the page");

        // The next page is the address with page=2; the rep opened and the heat map's own page stay as they are.
        var second = Panel(("page", "2"), ("rep", "rep00001@big.test"), ("hpage", "3"));
        second.FindAll("[data-testid=rep-bar]").Select(b => b.GetAttribute("data-rep")).ShouldBe(expected.Skip(25).Take(25).Select(r => r.Email));
        second.Find("[data-testid=rep-list-range]").TextContent.ShouldBe("26–50 of 3,000 reps");
        second.Find("[data-testid=rep-list-previous]").GetAttribute("href").ShouldBe("/organizations/7/dashboard?weeks=12&rep=rep00001@big.test&hpage=3#dashboard-rep-shares");

        // The search form sends the rest of the address along, but not its own page: a new search starts on page 1.
        var form = second.Find("[data-testid=rep-list-form]");
        form.GetAttribute("method").ShouldBe("get");
        form.GetAttribute("action").ShouldBe("/organizations/7/dashboard#dashboard-rep-shares");
        form.QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}")
            .ShouldBe(["weeks=12", "rep=rep00001@big.test", "hpage=3"]);
        form.QuerySelector("input[type=search]")!.GetAttribute("name").ShouldBe("q");

        // "Team 0012" is reps 120 to 129, sorted by name when asked.
        var found = Panel(("q", "team 0012"), ("sort", "name"));
        found.Find("[data-testid=rep-list-range]").TextContent.ShouldBe("1–10 of 10 matching of 3,000 reps");
        found.FindAll("[data-testid=rep-bar]").Select(b => b.GetAttribute("data-rep")).ShouldBe(Enumerable.Range(120, 10).Select(i => $"rep{i:D5}@big.test"));
        found.Find("[data-testid=rep-list-search]").GetAttribute("value").ShouldBe("team 0012");
        found.Find("[data-testid=rep-list-sort] option[selected]").TextContent.ShouldBe("Name");
        found.FindAll("[data-testid=rep-list-next]").ShouldBeEmpty("ten reps fit on one page");
    }

    [Theory]
    [InlineData("abc", "xyz", RepSort.OutsideCoreJob, 1)]
    [InlineData("-3", "HOURS", RepSort.Hours, 1)]
    [InlineData("2000000", "1", RepSort.OutsideCoreJob, AddressQuery.MaxPage + 1)]
    [InlineData("4", "name", RepSort.Name, 4)]
    [InlineData("99999999999", "", RepSort.OutsideCoreJob, 1)]
    public void A_hand_edited_list_address_reads_as_a_sort_and_a_page(string page, string sort, RepSort expectedSort, int expectedPage)
    {
        var query = RepListQuery.Read("  " + new string('a', 300), sort, page);

        query.Sort.ShouldBe(expectedSort);
        query.Page.ShouldBe(expectedPage);
        query.Search!.Length.ShouldBe(RepListQuery.MaxSearchLength);
    }

    [Fact]
    public void The_rep_list_query_sorts_by_name_and_hours_and_keeps_a_page_past_the_end_on_the_last_page()
    {
        var reps = ManyReps(60);

        var byName = new RepListQuery(Sort: RepSort.Name, Page: 3).Apply(reps);
        (byName.Page, byName.PageCount, byName.Matching, byName.Total).ShouldBe((3, 3, 60, 60));
        byName.Items.Select(r => r.Name).ShouldBe(Enumerable.Range(50, 10).Select(i => $"Rep {i:D5}"));
        byName.Range().ShouldBe("51–60 of 60 reps");

        var byHours = new RepListQuery(Sort: RepSort.Hours, Page: 99).Apply(reps);
        byHours.Page.ShouldBe(3, "a page past the end shows the last one");
        new RepListQuery(Sort: RepSort.Hours).Apply(reps).Items[0].Hours.ShouldBe(reps.Max(r => r.Hours));

        var none = new RepListQuery("nobody@else").Apply(reps);
        (none.Items.Count, none.Matching, none.Range()).ShouldBe((0, 0, "No reps match"));
        new RepListQuery(new string('x', 500)).Apply(reps).Matching.ShouldBe(0, "a long search is cut, not an error");
    }

    [Fact]
    public void The_heat_map_draws_one_page_of_a_large_organisation()
    {
        _context.Render<MudPopoverProvider>();
        var reps = ManyReps(3000);
        var heat = _context.Render<RepFunctionHeatMap>(p => p.Add(x => x.Reps, reps).Add(x => x.Address, Address(("page", "5"))));

        heat.FindAll("[data-testid=heat-row]").Count.ShouldBe(RepListQuery.PageSize);
        heat.Find("[data-testid=heat-list-range]").TextContent.ShouldBe("1–25 of 3,000 reps");
        heat.Find("[data-testid=heat-row] th").TextContent.ShouldBe(reps.OrderByDescending(r => r.NonCoreShare).ThenBy(r => r.Name).First().Name);
        // Its keys are its own (hq, hsort, hpage): the rep list's page 5 is not the heat map's.
        heat.Find("[data-testid=heat-list-next]").GetAttribute("href").ShouldBe("/organizations/7/dashboard?weeks=12&page=5&hpage=2#dashboard-heat-map");
        heat.Find("[data-testid=heat-list-search]").GetAttribute("name").ShouldBe("hq");
    }

    private async Task<IRenderedComponent<DashboardPage>> DashboardAsync(string email, string? from = null, string? to = null, string? query = null)
    {
        // One person per test: a second page is the same person at another address.
        if (_signedIn is null)
        {
            await _context.SignInAsync(_database, email);
            _context.Render<MudPopoverProvider>();
            _signedIn = email;
        }
        _signedIn.ShouldBe(email);
        var organization = (await _database.MemberOfAsync(email, DemoOrganization.Name)).OrganizationId;
        var address = $"/organizations/{organization}/dashboard" + (query is not null ? "?" + query : from is null ? "" : $"?from={from}&to={to}");
        _context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(address);
        return _context.Render<DashboardPage>(p => p.Add(x => x.OrganizationId, organization));
    }

    [Fact]
    public async Task The_demo_dashboard_recommends_breaking_out_inbound_and_the_what_if_line_at_30_percent_drops_it()
    {
        var page = await DashboardAsync("leader@demo.salesspec");
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=recommendation][data-kind=SplitOutRole]").Count.ShouldBe(1));
        page.FindAll("[data-testid=rep-bar]").Count.ShouldBe(19);
        page.Find("[data-testid=missing]").TextContent.ShouldContain("Noah Okafor");

        // The slider is a form asking for this view at another line: the address's other values go along.
        var form = page.Find("[data-testid=what-if-form]");
        (form.GetAttribute("method"), form.GetAttribute("action"), form.GetAttribute("data-saved")).ShouldBe(("get", $"/organizations/{page.Instance.OrganizationId}/dashboard", "20"));
        form.QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}").ShouldBe(["weeks=12"]);
        var slider = page.Find("[data-testid=threshold-slider]");
        (slider.GetAttribute("name"), slider.GetAttribute("value"), slider.GetAttribute("min"), slider.GetAttribute("max")).ShouldBe(("line", "20", "10", "30"));
        page.FindAll("[data-testid=what-if-back]").ShouldBeEmpty();

        // What the form asks for: the same view at 30 %, where inbound no longer crosses the line.
        var moved = await DashboardAsync("leader@demo.salesspec", query: "weeks=12&line=30");
        await moved.WaitForAssertionAsync(() => moved.Find("[data-testid=threshold-value]").TextContent.ShouldBe("30 %"));
        moved.FindAll("[data-testid=recommendation][data-kind=SplitOutRole]").ShouldBeEmpty();
        moved.Find("[data-testid=threshold-slider]").GetAttribute("value").ShouldBe("30");
        moved.Find("#what-if-status").TextContent.ShouldStartWith("At 30 %: ");
        // Every link keeps the line, so paging or opening a rep shows the same figures; "Back" drops it.
        moved.Find("[data-testid=rep-link]").GetAttribute("href")!.ShouldContain("weeks=12&line=30&rep=");
        moved.Find("a[data-testid=what-if-back]").GetAttribute("href").ShouldBe($"/organizations/{page.Instance.OrganizationId}/dashboard?weeks=12");
        // The parts the page's script swaps in after a move are the same, in the same order, at both lines.
        moved.FindAll("[data-follows-line]").Select(e => e.Id).ShouldBe(page.FindAll("[data-follows-line]").Select(e => e.Id));
        moved.FindAll("[data-follows-line]").ShouldAllBe(e => !string.IsNullOrEmpty(e.Id));
    }

    [Fact]
    public async Task An_address_with_a_line_opens_the_dashboard_at_that_line()
    {
        var page = await DashboardAsync("leader@demo.salesspec", query: "line=30");

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=threshold-value]").TextContent.ShouldBe("30 %"));
        page.FindAll("[data-testid=recommendation][data-kind=SplitOutRole]").ShouldBeEmpty();
        page.Find("[data-testid=what-if-note]").TextContent.ShouldContain("What-if: figures at an 80/20 line of 30 %");
    }

    [Fact]
    public async Task A_period_without_time_logs_says_what_to_do_next()
    {
        var page = await DashboardAsync("leader@demo.salesspec", "2020-W01", "2020-W12");

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=empty]").TextContent.ShouldContain("No time logged in 2020-W01 – 2020-W12 yet"));
        page.Find("[data-testid=empty]").TextContent.ShouldContain("import a time-log CSV");
    }

    [Fact]
    public async Task A_bad_period_in_the_address_gets_the_validators_message()
    {
        var page = await DashboardAsync("leader@demo.salesspec", "2026-W47", "2026-W36");

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=page-error]").TextContent.ShouldNotBeEmpty());
        page.FindAll("[data-testid=recommendation]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("weeks=abc", "'abc' is not a number of weeks: use 1 to 520.")]
    [InlineData("weeks=0", "'0' is not a number of weeks: use 1 to 520.")]
    public async Task A_hand_edited_address_gets_a_message_not_a_crash(string query, string message)
    {
        var page = await DashboardAsync("leader@demo.salesspec", query: query);

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=page-error]").TextContent.ShouldBe(message));
    }

    [Fact]
    public async Task A_blank_period_in_the_address_means_the_default_period()
    {
        var page = await DashboardAsync("leader@demo.salesspec", query: "from=&to=2026-W47");

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=period]").TextContent.ShouldContain("2026-W47 – 2026-W47"));
    }

    [Fact]
    public async Task The_rep_details_follow_the_what_if_line()
    {
        var page = await DashboardAsync("leader@demo.salesspec", query: "line=10&rep=ana.ruiz@northwind.test&page=1");

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=drilldown-focus]").TextContent.ShouldBe("Unfocused"));
        page.Find("[data-testid=what-if-note]").TextContent.ShouldContain("What-if: figures at an 80/20 line of 10 %; the organisation's setting is 20 %.");
        // Both of the rep's charts are of shares: their axes run from 0 to 100 %, so the line is where it is.
        var axes = page.FindAll("[data-testid=rep-drilldown] svg")
            .Select(svg => svg.QuerySelectorAll("g.mud-charts-yaxis text").Select(t => t.TextContent.Trim()).ToList())
            .Where(axis => axis.Count > 0)
            .ToList();
        axes.Count.ShouldBe(2);
        axes.ShouldAllBe(axis => axis.First() == "0%" && axis.Last() == "100%");
    }

    [Fact]
    public async Task The_rep_details_open_by_address_and_close_to_the_same_view_without_them()
    {
        var page = await DashboardAsync("leader@demo.salesspec", query: "weeks=12&line=25&rep=ana.ruiz@northwind.test&q=ana");
        await page.WaitForElementAsync("[data-testid=rep-drilldown]");
        var organization = page.Instance.OrganizationId;

        var panel = page.Find("[data-testid=drilldown-panel]");
        panel.Id.ShouldBe("rep-details");
        panel.HasAttribute("data-autofocus").ShouldBeTrue("the page's script focuses it when the address ends in #rep-details");
        var close = $"/organizations/{organization}/dashboard?weeks=12&line=25&q=ana#dashboard-rep-shares";
        panel.GetAttribute("data-close-href").ShouldBe(close, "Escape follows it");
        page.Find("a[data-testid=drilldown-close]").GetAttribute("href").ShouldBe(close);
        page.Find("[data-testid=rep-drilldown] h2").TextContent.ShouldBe("Ana Ruiz");

        // An address with someone who is not in the view (or not an email at all) opens empty details, not an error.
        var stranger = await DashboardAsync("leader@demo.salesspec", query: "rep=" + Uri.EscapeDataString("<script>@x.test"));
        await stranger.WaitForAssertionAsync(() => stranger.Find("[data-testid=rep-drilldown]").TextContent.ShouldContain("No hours logged in this period."));
    }

    [Fact]
    public async Task Another_period_keeps_the_searches_and_the_rep_and_another_scope_starts_afresh()
    {
        var page = await DashboardAsync("leader@demo.salesspec", query: "weeks=12&line=25&rep=ana.ruiz@northwind.test&q=ana&sort=name&page=2&hq=ben&hpage=3&missing=2");
        await page.WaitForElementAsync("[data-testid=rep-drilldown]");
        var path = $"/organizations/{page.Instance.OrganizationId}/dashboard";

        var picks = page.FindAll("[data-testid=period-picks] a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
        picks["26 weeks"].ShouldBe($"{path}?line=25&rep=ana.ruiz@northwind.test&q=ana&sort=name&hq=ben&weeks=26");

        // The scope form sends the view only (period and line): the lists and the rep belong to the old scope.
        var scope = page.Find("[data-testid=scope-form]");
        scope.QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}").ShouldBe(["weeks=12", "line=25"]);
        scope.QuerySelector("select[name=team]")!.QuerySelectorAll("option").Select(o => o.TextContent).ShouldContain("Whole organisation");
    }

    [Fact]
    public async Task A_manager_starts_on_their_team_and_sees_its_six_reps()
    {
        var manager = await DashboardAsync("manager@demo.salesspec");
        await manager.WaitForAssertionAsync(() => manager.Find("h1").TextContent.ShouldBe("Commercial"));
        manager.FindAll("[data-testid=rep-bar]").Count.ShouldBe(6);
    }

    [Fact]
    public async Task A_rep_sees_their_own_focus_not_the_team()
    {
        var rep = await DashboardAsync("rep@demo.salesspec");

        await rep.WaitForAssertionAsync(() => rep.Find("h1").TextContent.ShouldBe("Your figures"));
        rep.FindAll("[data-testid=rep-bar]").ShouldBeEmpty();
        rep.Markup.ShouldNotContain("Kara Lopez");
    }
}
