using SalesSpec.Domain.Common;

using CsCheck;

namespace SalesSpec.Domain.Tests;

public sealed class IsoWeekTests
{
    [Theory]
    [InlineData("2026-W47", "2026-11-16")]
    [InlineData("2026W47", "2026-11-16")]
    [InlineData("2026-w01", "2025-12-29")]
    [InlineData("2020-W53", "2020-12-28")]
    [InlineData("2026-11-22", "2026-11-16")]
    [InlineData("2026-11-16", "2026-11-16")]
    [InlineData(" 2027-01-01 ", "2026-12-28")]
    public void Parse_accepts_iso_weeks_and_dates_and_normalises_to_the_monday(string text, string monday)
    {
        var week = IsoWeek.Parse(text);

        week.Monday.ShouldBe(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture));
        week.Monday.DayOfWeek.ShouldBe(DayOfWeek.Monday);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-W54")]
    [InlineData("2026-W00")]
    [InlineData("2025-W53")]
    [InlineData("26-W10")]
    [InlineData("2026-13-01")]
    [InlineData("2026/11/16")]
    [InlineData("next week")]
    [InlineData("9999-12-27")]
    [InlineData("1899-12-31")]
    [InlineData("2026--W07")]
    [InlineData("2026-W-07")]
    [InlineData("2026-W+7")]
    public void Parse_rejects_what_is_not_a_week_with_a_clear_message(string text)
    {
        IsoWeek.TryParse(text, out _).ShouldBeFalse();
        var error = Should.Throw<DomainRuleException>(() => IsoWeek.Parse(text));
        error.Message.ShouldContain("ISO week");
    }

    [Fact]
    public void ToString_writes_the_iso_form_across_a_year_boundary()
    {
        IsoWeek.Containing(new DateOnly(2027, 1, 1)).ToString().ShouldBe("2026-W53");
        IsoWeek.Of(2026, 1).ToString().ShouldBe("2026-W01");
    }

    [Fact]
    public void FromMonday_refuses_any_other_day()
    {
        var error = Should.Throw<DomainRuleException>(() => IsoWeek.FromMonday(new DateOnly(2026, 11, 18)));
        error.Message.ShouldBe("A week starts on a Monday; 2026-11-18 is a Wednesday.");
    }

    [Fact]
    public void WeeksThrough_counts_both_ends()
    {
        var first = IsoWeek.Parse("2026-W36");
        first.WeeksThrough(IsoWeek.Parse("2026-W47")).ShouldBe(12);
        first.WeeksThrough(first).ShouldBe(1);
        first.AddWeeks(11).ShouldBe(IsoWeek.Parse("2026-W47"));
    }

    [Fact]
    public void Every_date_lies_inside_its_week_and_the_text_form_round_trips()
    {
        Gen.Int[new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2090, 12, 31).DayNumber]
            .Sample(day =>
            {
                var date = DateOnly.FromDayNumber(day);
                var week = IsoWeek.Containing(date);
                return week.Monday <= date && date <= week.Sunday && IsoWeek.Parse(week.ToString()) == week;
            });
    }
}
