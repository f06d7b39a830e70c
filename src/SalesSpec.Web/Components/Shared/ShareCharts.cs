using MudBlazor;

namespace SalesSpec.Web.Components.Shared;

/// <summary>
/// Charts of shares: the y axis runs from 0 to 100 %, whatever the data, so the 80/20 line sits where it is and a
/// stack of a week's shares ends at 100 %, not at the next tick above it.
/// </summary>
public static class ShareCharts
{
    public const double Top = 100d;

    private const int Tick = 20;
    private const string Format = "0'%'";

    public static LineChartOptions Line() => new()
    {
        YAxisFormat = Format,
        YAxisTicks = Tick,
        YAxisRequireZeroPoint = true,
        YAxisSuggestedMax = Top,
        ShowLegend = true,
    };

    public static StackedBarChartOptions StackedBar() => new()
    {
        YAxisFormat = Format,
        YAxisTicks = Tick,
        YAxisSuggestedMax = Top,
        ShowLegend = true,
    };

    /// <summary>A share (0.243) as a point of a line chart (24.3).</summary>
    public static double Percent(decimal share) => (double)decimal.Round(share * 100m, 1);

    /// <summary>
    /// One bar's shares as percentages to a tenth that add up to the shares' total (100 for a whole week) and never
    /// above <see cref="Top"/> in the chart's own double sum: 33.3 + 33.3 + 33.4 is a hair over 100 in doubles,
    /// and the axis would grow a tick for it.
    /// </summary>
    public static double[] Stack(IReadOnlyList<decimal> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var tenths = shares.Select(s => Math.Max(s, 0m) * 1000m).ToArray();
        var whole = tenths.Select(decimal.Floor).ToArray();
        var missing = (int)(decimal.Round(tenths.Sum()) - whole.Sum());
        // The tenths lost to rounding down go to the largest remainders (the rest of the bar keeps its order).
        foreach (var i in Enumerable.Range(0, whole.Length).OrderByDescending(i => tenths[i] - whole[i]).ThenBy(i => i).Take(missing))
        {
            whole[i]++;
        }
        var percents = whole.Select(t => (double)(t / 10m)).ToArray();
        var last = Array.FindLastIndex(percents, p => p > 0d);
        while (last >= 0 && StackedTotal(percents) > Top)
        {
            percents[last] = Math.BitDecrement(percents[last]);
        }
        return percents;
    }

    // Added in series order, as the chart stacks them.
    private static double StackedTotal(double[] percents)
    {
        var total = 0d;
        foreach (var percent in percents)
        {
            total += percent;
        }
        return total;
    }
}
