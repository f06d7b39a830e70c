using SalesSpec.Domain.Analysis;

namespace SalesSpec.Web.Features.Dashboard.Services;

/// <summary>The four headline numbers of the dashboard, worked out from one analysis.</summary>
public sealed record DashboardFigures(
    decimal SellingShare,
    int Focused,
    int Watch,
    int Unfocused,
    int Recommendations,
    decimal Completeness,
    int MissingWeeks,
    int ExpectedWeeks)
{
    public static DashboardFigures From(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var focus = result.Reps.GroupBy(r => r.Focus).ToDictionary(g => g.Key, g => g.Count());
        // Reps with no hours at all in the period appear only among the missing timesheets.
        // A set, not a scan of the reps per missing timesheet: real organisations have thousands of reps with a
        // week off, and 10,000 × 10,000 comparisons took seconds.
        var withHours = result.Reps.Select(r => r.Email).ToHashSet(StringComparer.Ordinal);
        var silent = result.MissingTimesheets.Count(m => !withHours.Contains(m.Email));
        var expected = (result.Reps.Count + silent) * result.Weeks;
        var missing = result.MissingTimesheets.Sum(m => m.Weeks.Count);
        return new DashboardFigures(
            result.TotalHours == 0m ? 0m : result.SellingShare,
            focus.GetValueOrDefault(Focus.Focused),
            focus.GetValueOrDefault(Focus.Watch),
            focus.GetValueOrDefault(Focus.Unfocused),
            result.Recommendations.Count(r => r.Kind != RecommendationKind.SpecializationCaution),
            expected == 0 ? 0m : 1m - (decimal)missing / expected,
            missing,
            expected);
    }
}
