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

    /// <summary>The months of inbound leads recorded, and their total: the analysis prefers them to the setting.</summary>
    public (int Months, long Leads) RecordedLeads { get; init; }

    /// <summary>The average a month of the recorded months, as the lead counts card shows it; null when none is recorded.</summary>
    public decimal? RecordedLeadsAverage => RecordedLeads.Months == 0 ? null : (decimal)RecordedLeads.Leads / RecordedLeads.Months;

    public int Weeks => FirstWeek.WeeksThrough(LastWeek);

    public decimal TotalHours => Reps.Sum(r => r.Hours);

    public int ActiveAnalysedReps => Reps.Count(r => r.IsActive && r.IsAnalysed);
}
