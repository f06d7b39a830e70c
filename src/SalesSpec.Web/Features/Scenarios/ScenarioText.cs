using System.Globalization;

namespace SalesSpec.Web.Features.Scenarios;

/// <summary>How scenario pages write money, hours and months: the same on the board, the comparison and the report.</summary>
public static class ScenarioText
{
    public static string Money(decimal value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Money(decimal? value) => value is { } v ? Money(v) : "—";

    /// <summary>A cost of one hour, to the cent.</summary>
    public static string Rate(decimal? value) => value?.ToString("#,##0.00", CultureInfo.InvariantCulture) ?? "—";

    public static string Hours(decimal value) => value.ToString("#,##0.#", CultureInfo.InvariantCulture);

    public static string SignedHours(decimal value) => (value > 0 ? "+" : "") + Hours(value);

    public static string Fte(decimal value) => (value > 0 ? "+" : "") + value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Percent(decimal share) => (share * 100m).ToString("0", CultureInfo.InvariantCulture) + " %";

    public static string Percent(decimal? share) => share is { } s ? Percent(s) : "—";

    /// <summary>Month <paramref name="month"/> of a plan starting on <paramref name="start"/> (0 = the first), like "Dec 2026".</summary>
    public static string Month(DateOnly start, int month) => start.AddMonths(month).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    public static string Delta(decimal before, decimal after) =>
        after == before ? "no change" : (after > before ? "+" : "−") + Money(Math.Abs(after - before));
}
