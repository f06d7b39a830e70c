using SalesSpec.Domain.Analysis;

namespace SalesSpec.Web.Components.Shared;

/// <summary>
/// The analysis' numbers as people read them, rounded once, here, at display: hours a week and FTE to a tenth, leads
/// whole. The dashboard, the scenario pages, the report and the exports all format through this, so one figure reads
/// the same everywhere (shares: <see cref="Shares"/>).
/// </summary>
public static class Numbers
{
    public static string Hours(decimal hours) => hours.ToString("#,##0.#", CultureInfo.InvariantCulture);

    public static string Hours(decimal? hours) => hours is { } value ? Hours(value) : "—";

    public static string Fte(decimal? fte) => fte?.ToString("#,##0.#", CultureInfo.InvariantCulture) ?? "—";

    public static string Leads(decimal leads) => WorkloadAnalyzer.Leads(leads);

    public static string People(int count) => count == 1 ? "1 person" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} people";
}
