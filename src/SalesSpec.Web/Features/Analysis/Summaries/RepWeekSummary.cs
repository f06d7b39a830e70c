using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Data;

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

    // Hours in whole ten-thousandths (the time logs' precision; a rep-week has at most 100 h, 1,000,000 of them):
    // integers sum exactly, and on PostgreSQL several times faster than numeric, and the analysis sums hundreds of
    // thousands of these rows for a period of a large organisation.
    public int InboundQualificationE4 { get; set; }

    public int OutboundProspectingE4 { get; set; }

    public int ClosingE4 { get; set; }

    public int PostSalesE4 { get; set; }

    public int NonSellingE4 { get; set; }

    public decimal Total => ((long)InboundQualificationE4 + OutboundProspectingE4 + ClosingE4 + PostSalesE4 + NonSellingE4) / SqlHours.PerHour;

    public decimal HoursOf(SalesFunction function) => function switch
    {
        SalesFunction.InboundQualification => InboundQualificationE4,
        SalesFunction.OutboundProspecting => OutboundProspectingE4,
        SalesFunction.Closing => ClosingE4,
        SalesFunction.PostSales => PostSalesE4,
        SalesFunction.NonSelling => NonSellingE4,
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    } / SqlHours.PerHour;

    public static int NumberOf(DateOnly monday) => monday.DayNumber / 7;
}
