using SalesSpec.Domain.Common;
using SalesSpec.Domain.Timesheets;

namespace SalesSpec.Domain.Tests.Timesheets;

/// <summary>The team week opens on the last complete week until Wednesday, on the current week from Thursday.</summary>
public sealed class ReviewWeekTests
{
    [Theory]
    [InlineData("2026-11-23", 47)] // Monday
    [InlineData("2026-11-24", 47)] // Tuesday
    [InlineData("2026-11-25", 47)] // Wednesday
    [InlineData("2026-11-26", 48)] // Thursday
    [InlineData("2026-11-27", 48)] // Friday
    [InlineData("2026-11-29", 48)] // Sunday
    public void Until_Wednesday_the_last_complete_week_is_reviewed(string today, int week)
    {
        ReviewWeek.For(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(IsoWeek.Of(2026, week));
    }

    [Fact]
    public void In_the_first_days_of_a_year_the_last_week_of_the_year_before_is_reviewed()
    {
        // Monday 4 January 2027 starts 2027-W01; the week before is 2026-W53.
        ReviewWeek.For(new DateOnly(2027, 1, 4)).ShouldBe(IsoWeek.Of(2026, 53));
    }
}
