using SalesSpec.Domain.Organizations;

namespace SalesSpec.Web.Features.Analysis.Summaries;

/// <summary>
/// The hours one rep logged in one ISO week, summed per function: the time logs as the analysis reads them.
/// One row per rep and week (a column per function) rather than per function, so a year of 10,000 reps is
/// 520,000 rows to sum, not 2.6 million. Never written by hand: <see cref="WeeklySummaries"/> re-sums it from
/// the time logs in the transaction that changes them.
/// </summary>
public sealed class RepWeekSummary
{
    public int RepId { get; set; }

    /// <summary>The Monday of the ISO week.</summary>
    public DateOnly WeekStart { get; set; }

    /// <summary>
    /// The week as a number (<see cref="DateOnly.DayNumber"/> of its Monday ÷ 7), so SQL on either database can
    /// tell which week of a period a row is with integer arithmetic.
    /// </summary>
    public int WeekNumber { get; set; }

    /// <summary>Copied from the rep so that an organisation's rows are found without joining the reps.</summary>
    public int OrganizationId { get; set; }

    public decimal InboundQualification { get; set; }

    public decimal OutboundProspecting { get; set; }

    public decimal Closing { get; set; }

    public decimal PostSales { get; set; }

    public decimal NonSelling { get; set; }

    public decimal Total => InboundQualification + OutboundProspecting + Closing + PostSales + NonSelling;

    public decimal HoursOf(SalesFunction function) => function switch
    {
        SalesFunction.InboundQualification => InboundQualification,
        SalesFunction.OutboundProspecting => OutboundProspecting,
        SalesFunction.Closing => Closing,
        SalesFunction.PostSales => PostSales,
        SalesFunction.NonSelling => NonSelling,
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };

    public static int NumberOf(DateOnly monday) => monday.DayNumber / 7;
}
