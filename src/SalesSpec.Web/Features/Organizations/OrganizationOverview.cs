namespace SalesSpec.Web.Features.Organizations;

public sealed record OrganizationOverview(
    int Id,
    string Name,
    OrganizationTemplate Template,
    decimal Threshold,
    decimal StandardWeeklyHours,
    int? InboundLeadsPerMonth,
    bool HasSimpleSalesProcess,
    bool SucceedsWithGeneralists,
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
