using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Tests.Common;

/// <summary>The years an ISO week may have (1900–2999) and the shape of its text, at the limits.</summary>
public sealed class IsoWeekBoundsTests
{
    [Theory]
    [InlineData(1900, 1, "1900-01-01")]
    [InlineData(2999, 1, "2998-12-31")]
    [InlineData(2026, 53, "2026-12-28")]
    public void Of_accepts_weeks_from_1900_to_2999_up_to_the_last_week_of_the_year(int year, int week, string monday)
    {
        IsoWeek.Of(year, week).Monday.ShouldBe(DateOnly.ParseExact(monday, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(3000)]
    public void Of_refuses_a_year_out_of_range(int year)
    {
        Should.Throw<DomainRuleException>(() => IsoWeek.Of(year, 1)).Message.ShouldBe($"Year {year} is out of range (1900–2999).");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(53)]
    public void Of_refuses_a_week_the_year_does_not_have(int week)
    {
        Should.Throw<DomainRuleException>(() => IsoWeek.Of(2025, week)).Message.ShouldBe($"2025 has no ISO week {week} (it has 52).");
    }

    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("2999-12-31", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("3000-01-01", false)]
    [InlineData("1900-W01", true)]
    [InlineData("2999-W52", true)]
    [InlineData("1899-W52", false)]
    [InlineData("3000-W01", false)]
    public void Dates_and_weeks_are_read_from_1900_to_2999(string text, bool read)
    {
        IsoWeek.TryParse(text, out _).ShouldBe(read);
    }

    [Theory]
    [InlineData("2026-W7", 7)]
    [InlineData("2026-W07", 7)]
    public void A_week_number_has_one_or_two_digits(string text, int week)
    {
        IsoWeek.TryParse(text, out var parsed).ShouldBeTrue();
        (parsed.Year, parsed.Week).ShouldBe((2026, week));
    }

    [Theory]
    [InlineData("2026-W")]
    [InlineData("2026-W007")]
    [InlineData("02026-W07")]
    [InlineData(null)]
    public void Other_shapes_are_not_weeks_and_give_the_default(string? text)
    {
        IsoWeek.TryParse(text, out var week).ShouldBeFalse();
        week.ShouldBe(default);
    }
}
