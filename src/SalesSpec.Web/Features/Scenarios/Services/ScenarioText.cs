using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>How scenario pages write money, hours and months: the same on the board, the comparison and the report.</summary>
public static class ScenarioText
{
    public static string Money(decimal value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A cost of one hour, to the cent.</summary>
    public static string Rate(decimal? value) => value?.ToString("#,##0.00", CultureInfo.InvariantCulture) ?? "—";

    public static string Hours(decimal value) => Numbers.Hours(value);

    /// <summary>A gap: "+3.5", "−12" (a true minus sign, easier to read on a projector), or "0".</summary>
    public static string SignedHours(decimal value) => Signed(decimal.Round(value, 1), Hours);

    public static string Fte(decimal value) => Signed(decimal.Round(value, 1), v => v.ToString("0.0", CultureInfo.InvariantCulture));

    private static string Signed(decimal value, Func<decimal, string> format) =>
        value > 0 ? "+" + format(value) : value < 0 ? "−" + format(-value) : format(0m);

    public static string Percent(decimal share) => Shares.Percent(share);

    public static string Percent(decimal? share) => Shares.Percent(share);

    /// <summary>Month <paramref name="month"/> of a plan starting on <paramref name="start"/> (0 = the first), like "Dec 2026".</summary>
    public static string Month(DateOnly start, int month) => start.AddMonths(month).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Like "Dec 26", for month columns.</summary>
    public static string ShortMonth(DateOnly start, int month) => start.AddMonths(month).ToString("MMM yy", CultureInfo.InvariantCulture);

    public static string Delta(decimal before, decimal after) =>
        after == before ? "no change" : (after > before ? "+" : "−") + Money(Math.Abs(after - before));
}
