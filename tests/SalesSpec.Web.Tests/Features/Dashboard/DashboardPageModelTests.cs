using SalesSpec.Domain.Analysis;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Dashboard;
using SalesSpec.Web.Features.Dashboard.Services;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Dashboard;

/// <summary>The dashboard's view model driven without rendering, on a real SQLite database with the demo data.</summary>
public sealed class DashboardPageModelTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private TestDatabase _database = null!;
    private DashboardPageModel _model = null!;
    private int _organizationId;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _model = new DashboardPageModel(new AnalysisService(_database.Access, Clock), new DashboardService(_database.Access),
            new RepFocusService(_database.Access, Clock), new AnalysisQueryValidator());
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task OpenAsync(string email, string? team = null, string? weeks = null, string? from = null, string? to = null, string? line = null)
    {
        var member = await _database.MemberOfAsync(email, DemoOrganization.Name);
        _organizationId = member.OrganizationId;
        await _model.OpenAsync(member, member.OrganizationId, team, weeks, from, to, line);
    }

    [Fact]
    public async Task A_leader_gets_the_whole_organisation_over_the_default_twelve_weeks()
    {
        await OpenAsync("leader@demo.salesspec");

        _model.PageError.ShouldBeNull();
        _model.Loading.ShouldBeFalse();
        _model.Result!.Weeks.ShouldBe(AnalysisService.DefaultWeeks);
        _model.Input!.Team.ShouldBeNull();
        _model.Threshold.ShouldBe(_model.SavedThreshold);
        _model.IsQuickPick(12).ShouldBeTrue();
        _model.Recommendations.ShouldContain(r => r.Kind == RecommendationKind.SplitOutRole);
        _model.Link(weeks: 4).ShouldBe($"/organizations/{_organizationId}/dashboard?weeks=4");
        _model.ExportLink("csv").ShouldBe($"/api/v1/organizations/{_organizationId}/analysis.csv?from={_model.Result.From}&to={_model.Result.To}");
    }

    [Fact]
    public async Task The_what_if_line_re_runs_the_analysis_and_the_rep_details_follow_it()
    {
        await OpenAsync("leader@demo.salesspec");

        await _model.ChangeThresholdAsync(0.3m);

        _model.Threshold.ShouldBe(0.3m);
        _model.WhatIfInput!.Threshold.ShouldBe(0.3m);
        _model.Input!.Threshold.ShouldBe(_model.SavedThreshold, "the organisation's setting is not changed");
        _model.Recommendations.ShouldNotContain(r => r.Kind == RecommendationKind.SplitOutRole);
    }

    [Fact]
    public async Task The_what_if_line_goes_into_the_address_and_every_export()
    {
        await OpenAsync("leader@demo.salesspec", team: "Commercial");

        await _model.ChangeThresholdAsync(0.3m);

        var period = $"from={_model.Result!.From}&to={_model.Result.To}";
        _model.Link().ShouldBe($"/organizations/{_organizationId}/dashboard?weeks=12&team=Commercial&line=30");
        _model.Link(weeks: 4).ShouldBe($"/organizations/{_organizationId}/dashboard?weeks=4&team=Commercial&line=30");
        _model.ExportLink("json").ShouldBe($"/api/v1/organizations/{_organizationId}/analysis?{period}&team=Commercial&line=30");
        _model.ExportLink("csv").ShouldBe($"/api/v1/organizations/{_organizationId}/analysis.csv?{period}&team=Commercial&line=30");
        _model.ExportLink("xlsx").ShouldBe($"/api/v1/organizations/{_organizationId}/export.xlsx?{period}&team=Commercial&line=30");
        // Back at the organisation's line, the address carries none.
        _model.Link(threshold: _model.SavedThreshold).ShouldBe($"/organizations/{_organizationId}/dashboard?weeks=12&team=Commercial");
    }

    [Fact]
    public async Task A_line_in_the_address_opens_the_page_at_it_and_a_change_of_line_alone_keeps_the_rep_opened()
    {
        await OpenAsync("leader@demo.salesspec", line: "22.5");

        _model.PageError.ShouldBeNull();
        _model.Threshold.ShouldBe(0.225m);
        _model.Result!.Threshold.ShouldBe(0.225m);
        _model.Input!.Threshold.ShouldBe(_model.SavedThreshold);
        await _model.ShowRepAsync("ana.ruiz@northwind.test");

        await OpenAsync("leader@demo.salesspec", line: "30");

        _model.Threshold.ShouldBe(0.3m);
        _model.DrillDown.ShouldBe("ana.ruiz@northwind.test");
        _model.Recommendations.ShouldNotContain(r => r.Kind == RecommendationKind.SplitOutRole);

        await OpenAsync("leader@demo.salesspec");

        _model.Threshold.ShouldBe(_model.SavedThreshold);
        _model.Recommendations.ShouldContain(r => r.Kind == RecommendationKind.SplitOutRole);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("22.555")]
    [InlineData("-5")]
    public async Task A_bad_line_in_the_address_gets_the_validators_message(string line)
    {
        await OpenAsync("leader@demo.salesspec", line: line);

        _model.PageError.ShouldBe($"'{line}' is not an 80/20 line: give a percentage above 0 and below 100 with at most two decimals, such as 30.");
        _model.Result.ShouldBeNull();
    }

    [Fact]
    public async Task An_exact_period_is_kept_when_the_team_changes_and_replaced_by_a_quick_pick()
    {
        await OpenAsync("leader@demo.salesspec", from: " 2026-W40 ", to: "2026-W47");

        _model.Result!.Weeks.ShouldBe(8);
        _model.IsQuickPick(12).ShouldBeFalse();
        _model.Link(team: "Commercial", keepTeam: false).ShouldBe($"/organizations/{_organizationId}/dashboard?from=2026-W40&to=2026-W47&team=Commercial");
        _model.Link(weeks: 26).ShouldBe($"/organizations/{_organizationId}/dashboard?weeks=26");
    }

    [Theory]
    [InlineData("abc", null, null, "'abc' is not a number of weeks: use 1 to 520.")]
    [InlineData(null, "2026-W47", "2026-W36", null)]
    public async Task A_bad_period_is_a_page_error_not_a_crash(string? weeks, string? from, string? to, string? message)
    {
        await OpenAsync("leader@demo.salesspec", weeks: weeks, from: from, to: to);

        _model.Result.ShouldBeNull();
        _model.PageError.ShouldNotBeNullOrEmpty();
        if (message is not null)
        {
            _model.PageError.ShouldBe(message);
        }
    }

    [Fact]
    public async Task A_manager_starts_on_their_first_team_and_a_rep_only_on_their_focus()
    {
        await OpenAsync("manager@demo.salesspec");
        _model.Input!.Team.ShouldBe("Commercial");
        _model.MayOpenTeamWeek.ShouldBeTrue();

        await OpenAsync("rep@demo.salesspec");
        _model.RepOnly.ShouldBeTrue();
        _model.Result.ShouldBeNull();
        _model.RepFocus.ShouldNotBeNull();
    }

    [Fact]
    public async Task Opening_a_rep_names_them_and_closing_forgets_them()
    {
        await OpenAsync("leader@demo.salesspec");
        var rep = _model.Result!.Reps[0];

        await _model.ShowRepAsync(rep.Email);
        _model.DrillDown.ShouldBe(rep.Email);
        // The rep's weeks, read on opening, add up to the hours the analysis shows for them.
        _model.DrillInput!.Hours.Sum(h => h.Hours).ShouldBe(rep.Hours);
        _model.DrillInput.Hours.ShouldAllBe(h => h.Email == rep.Email);
        _model.Name(rep.Email).ShouldBe(rep.Name);
        _model.Name("nobody@acme.test").ShouldBe("nobody@acme.test");
        _model.CloseRep();

        _model.DrillDown.ShouldBeNull();
    }
}
