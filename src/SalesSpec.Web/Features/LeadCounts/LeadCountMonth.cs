namespace SalesSpec.Web.Features.LeadCounts;

/// <summary>One calendar month on the lead-count form: what is recorded (null: nothing) and what the user typed.</summary>
public sealed class LeadCountMonth
{
    public DateOnly Month { get; init; }

    /// <summary>As loaded: a save checks that nobody changed it meanwhile.</summary>
    public int? Recorded { get; init; }

    public int? Leads { get; set; }

    public bool Changed => Leads != Recorded;
}
