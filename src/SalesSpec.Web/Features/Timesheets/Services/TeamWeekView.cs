namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>The team week page: every rep's status for one week in the teams the member reviews.</summary>
public sealed record TeamWeekView(
    IsoWeek Week,
    int? TeamId,
    IReadOnlyList<TeamOption> Teams,
    IReadOnlyList<TeamWeekRow> Rows,
    IsoWeek? OrganizationLockedThrough,
    bool MayLockOrganization)
{
    public int Outstanding => Rows.Count(r => r.IsOutstanding);

    public decimal TotalHours => Rows.Sum(r => r.Hours);
}
