namespace SalesSpec.Web.Components.Shared;

/// <summary>
/// A share (0.234) as people read it: "23 %" in cards and tables, "23.4 %" where a tenth matters, "23%" in the
/// tight cells of the heat map. One place, so the same share reads the same on every page.
/// </summary>
public static class Shares
{
    public static string Percent(decimal share) => Format(share, "0");

    public static string Percent(decimal? share) => share is { } value ? Percent(value) : "—";

    public static string Percent(double share) => Percent((decimal)share);

    public static string PercentTenths(decimal share) => Format(share, "0.#");

    public static string PercentHundredths(decimal share) => Format(share, "0.##");

    public static string PercentCompact(decimal share) => (share * 100m).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Format(decimal share, string format) => (share * 100m).ToString(format, CultureInfo.InvariantCulture) + " %";
}
