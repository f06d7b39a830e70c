using System.Globalization;
using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Tests;

/// <summary>An instant's day (and ISO week) is the day at the organisation's zone, including around DST changes.</summary>
public sealed class LocalDayTests
{
    [Theory]
    // Late evening in California is early Monday at UTC: still Sunday, the previous ISO week.
    [InlineData("2026-11-16T03:00:00Z", "America/Los_Angeles", "2026-11-15", "2026-W46")]
    [InlineData("2026-11-16T03:00:00Z", "UTC", "2026-11-16", "2026-W47")]
    // Just before midnight UTC on Sunday is already Monday in Berlin: the next ISO week.
    [InlineData("2026-11-15T23:30:00Z", "Europe/Berlin", "2026-11-16", "2026-W47")]
    [InlineData("2026-11-15T23:30:00Z", "UTC", "2026-11-15", "2026-W46")]
    [InlineData("2026-11-15T23:30:00Z", "Asia/Tokyo", "2026-11-16", "2026-W47")]
    // New York: the clocks go forward on Sunday 8 March 2026 (UTC−5 → UTC−4) and back on Sunday 1 November (UTC−4 → UTC−5).
    [InlineData("2026-03-08T04:59:00Z", "America/New_York", "2026-03-07", "2026-W10")]
    [InlineData("2026-03-08T06:30:00Z", "America/New_York", "2026-03-08", "2026-W10")]
    [InlineData("2026-03-09T04:30:00Z", "America/New_York", "2026-03-09", "2026-W11")] // 00:30 EDT; at EST it would still be Sunday
    [InlineData("2026-11-02T04:30:00Z", "America/New_York", "2026-11-01", "2026-W44")] // 23:30 EST; at EDT it would be Monday
    // Berlin: forward on Sunday 29 March 2026 (UTC+1 → UTC+2), back on Sunday 25 October (UTC+2 → UTC+1).
    [InlineData("2026-03-29T22:30:00Z", "Europe/Berlin", "2026-03-30", "2026-W14")] // 00:30 CEST; at CET it would be Sunday
    [InlineData("2026-10-25T00:30:00Z", "Europe/Berlin", "2026-10-25", "2026-W43")] // 02:30 CEST, the hour that happens twice
    [InlineData("2026-10-25T22:30:00Z", "Europe/Berlin", "2026-10-25", "2026-W43")] // 23:30 CET; at CEST it would be Monday
    public void An_instant_counts_on_its_day_in_the_zone(string instant, string zone, string day, string week)
    {
        var at = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

        var local = LocalDay.Of(at, LocalDay.Zone(zone));

        local.ShouldBe(DateOnly.Parse(day, CultureInfo.InvariantCulture));
        IsoWeek.Containing(local).ToString().ShouldBe(week);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    public void An_empty_or_unknown_zone_is_UTC(string? zone) =>
        LocalDay.Zone(zone).ShouldBe(TimeZoneInfo.Utc);

    [Fact]
    public void The_offset_an_instant_was_written_with_does_not_matter()
    {
        var berlin = LocalDay.Zone("Europe/Berlin");

        LocalDay.Of(DateTimeOffset.Parse("2026-11-15T15:30:00-08:00", CultureInfo.InvariantCulture), berlin)
            .ShouldBe(LocalDay.Of(DateTimeOffset.Parse("2026-11-15T23:30:00Z", CultureInfo.InvariantCulture), berlin));
    }

    [Fact]
    public void A_local_day_needs_a_zone()
    {
        Should.Throw<ArgumentNullException>(() => LocalDay.Of(DateTimeOffset.UnixEpoch, null!));
    }
}
