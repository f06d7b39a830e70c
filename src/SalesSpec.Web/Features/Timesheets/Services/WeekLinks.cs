namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>The addresses of the week pages, so links in notifications and pages stay in step with the routes.</summary>
public static class WeekLinks
{
    public static string MyWeek(int organizationId, IsoWeek? week = null) =>
        week is { } w ? Invariant($"/organizations/{organizationId}/my-week/{w}") : Invariant($"/organizations/{organizationId}/my-week");

    public static string RepWeek(int organizationId, int repId, IsoWeek week) =>
        Invariant($"/organizations/{organizationId}/reps/{repId}/weeks/{week}");

    public static string TeamWeek(int organizationId, IsoWeek? week = null, int? teamId = null)
    {
        var path = week is { } w ? Invariant($"/organizations/{organizationId}/team-week/{w}") : Invariant($"/organizations/{organizationId}/team-week");
        return teamId is int team ? Invariant($"{path}?team={team}") : path;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
