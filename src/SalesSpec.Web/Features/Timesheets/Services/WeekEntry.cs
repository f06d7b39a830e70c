namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>A rep's week as entered on the page or sent to the API, before it becomes time logs.</summary>
public sealed class WeekEntry
{
    /// <summary>Percentages have two decimals: finer than that is noise in a week.</summary>
    public const int PercentDecimals = 2;

    public EntryMode Mode { get; set; } = EntryMode.Hours;

    /// <summary>The rep's standard weekly hours × FTE: what 100 % of the week is in hours.</summary>
    public decimal CapacityHours { get; set; }

    public List<WeekEntryLine> Lines { get; set; } = [];

    /// <summary>The week's hours; decimal.MaxValue when the lines are too large to add up (the validator refuses them first).</summary>
    public decimal TotalHours => Saturated(() => Lines.Sum(HoursOf));

    public decimal TotalPercent => Mode == EntryMode.Percent ? Saturated(() => Lines.Sum(l => l.Value ?? 0m)) : 0m;

    // The page shows the totals while someone types, before validation: a silly number must not end the circuit.
    private static decimal Saturated(Func<decimal> sum)
    {
        try
        {
            return sum();
        }
        catch (OverflowException)
        {
            return decimal.MaxValue;
        }
    }

    /// <summary>The hours a line stands for: as entered, or its share of the standard week.</summary>
    public decimal HoursOf(WeekEntryLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var value = line.Value ?? 0m;
        return Mode == EntryMode.Hours ? value : decimal.Round(value * CapacityHours / 100m, 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>Switches mode, converting the numbers so the week stays the same.</summary>
    public void SwitchTo(EntryMode mode)
    {
        if (mode == Mode)
        {
            return;
        }
        if (mode == EntryMode.Percent)
        {
            // Shares of the standard week, so a week longer or shorter than standard shows as not 100 %
            // instead of being quietly rescaled on the next save.
            foreach (var line in Lines)
            {
                line.Value = CapacityHours == 0m || line.Value is null or 0m ? null : decimal.Round(line.Value.Value * 100m / CapacityHours, PercentDecimals, MidpointRounding.AwayFromZero);
            }
        }
        else
        {
            // Hours as a person would type them (two decimals): the page and the API refuse finer typed hours.
            foreach (var line in Lines)
            {
                line.Value = line.Value is null or 0m ? null : decimal.Round(HoursOf(line), Domain.TimeLogs.TypedNumber.MaxTypedDecimals, MidpointRounding.AwayFromZero);
            }
        }
        Mode = mode;
    }
}
