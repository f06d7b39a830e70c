using Bunit;
using MudBlazor.Services;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Components.Shared;
using SalesSpec.Web.Features.Dashboard.Components;
using SalesSpec.Web.Features.Timesheets.Components;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Tests.Display;

/// <summary>Every chart of shares runs its y axis from 0 to 100 % (issue 19).</summary>
public sealed class ShareChartsTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public ShareChartsTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Theory]
    [InlineData(new[] { 0.3333333, 0.3333333, 0.3333334 }, new[] { 33.3, 33.3, 33.4 })]
    [InlineData(new[] { 0.2434, 0.5566, 0.2 }, new[] { 24.3, 55.7, 20.0 })]
    [InlineData(new[] { 0.0, 0.0, 0.0 }, new[] { 0.0, 0.0, 0.0 })]
    [InlineData(new[] { 0.1667, 0.1667, 0.6666 }, new[] { 16.7, 16.7, 66.6 })]
    public void A_bars_shares_are_rounded_together_and_never_stack_above_100(double[] shares, double[] percents)
    {
        var stacked = ShareCharts.Stack(shares.Select(s => (decimal)s).ToList());

        stacked.Select(p => Math.Round(p, 1)).ShouldBe(percents);
        var total = 0d;
        foreach (var percent in stacked)
        {
            total += percent;
        }
        total.ShouldBeLessThanOrEqualTo(ShareCharts.Top);
    }

    [Fact]
    public void The_week_by_week_trend_runs_from_0_to_100_percent_when_every_share_is_between_20_and_60()
    {
        var weeks = Enumerable.Range(36, 4).Select(w => new WeekMix(IsoWeek.Of(2026, w), 40m,
            [new WorkloadFigure(Workload.Closing, [SalesFunction.Closing], 24m, 0.6m)], new HoursShare(16m, 0.4m))).ToList();
        var result = new AnalysisResult(IsoWeek.Of(2026, 36), IsoWeek.Of(2026, 39), 4, OrganizationTemplate.FourRoles, 0.2m, 40m, 160m, 0.6m,
            [new WorkloadFigure(Workload.Closing, [SalesFunction.Closing], 96m, 0.6m)], new HoursShare(64m, 0.4m), weeks, [], [], []);

        var chart = _context.Render<WeeklyTrendChart>(p => p.Add(x => x.Result, result));

        var axis = chart.FindAll("g.mud-charts-yaxis text").Select(t => t.TextContent.Trim()).ToList();
        axis.First().ShouldBe("0%");
        axis.Last().ShouldBe("100%");
    }

    [Fact]
    public void A_reps_mix_ends_at_100_percent_even_when_its_shares_rounded_one_by_one_add_up_to_more()
    {
        // 33.35 + 33.35 + 33.3: rounded one by one, 100.1 %, and the axis ran to 125 %.
        var (third, rest) = (0.3335m, 0.333m);
        var focus = new RepFocus(1, IsoWeek.Of(2026, 44), IsoWeek.Of(2026, 47), 0.2m,
            new RepFigures("ana@acme.test", "Ana", "East", "Account Executive", Workload.Closing, 160m, third, third, rest, Focus.Unfocused,
                new Dictionary<SalesFunction, decimal>()),
            Enumerable.Range(44, 4).Select(w => new WeekFocus(IsoWeek.Of(2026, w), 40m, third, third, rest)).ToList(),
            "Advice");

        var card = _context.Render<RepFocusCard>(p => p.Add(x => x.Focus, focus));

        var axis = card.FindAll("g.mud-charts-yaxis text").Select(t => t.TextContent.Trim()).ToList();
        axis.First().ShouldBe("0%");
        axis.Last().ShouldBe("100%");
    }
}
