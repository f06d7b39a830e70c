namespace SalesSpec.Web.Features.Organizations.Services;

/// <summary>An organisation at a glance: its settings (as the API gives them), the weeks logged, its teams and people.</summary>
public sealed record OrganizationOverview(
    OrganizationDocument Settings,
    IsoWeek FirstWeek,
    IsoWeek LastWeek,
    IReadOnlyList<TeamRow> Teams,
    IReadOnlyList<RepRow> Reps)
{
    /// <summary>Where a new client's set-up stands; null once time is logged (the checklist is done).</summary>
    public SetupProgress? Setup { get; init; }

    public int Weeks => FirstWeek.WeeksThrough(LastWeek);

    public decimal TotalHours => Reps.Sum(r => r.Hours);

    public int ActiveAnalysedReps => Reps.Count(r => r.IsActive && r.IsAnalysed);
}
