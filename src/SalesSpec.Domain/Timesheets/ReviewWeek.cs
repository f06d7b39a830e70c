using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Timesheets;

/// <summary>The week a manager reviews when they open the team week without naming one.</summary>
public static class ReviewWeek
{
    /// <summary>
    /// Until Wednesday the last complete week: reps submit it on Monday or Tuesday, so that is the week waiting for review.
    /// From Thursday the current week.
    /// </summary>
    public static IsoWeek For(DateOnly today)
    {
        var week = IsoWeek.Containing(today);
        return today.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Wednesday ? week.AddWeeks(-1) : week;
    }
}
