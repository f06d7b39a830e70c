using System.Globalization;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;

namespace SalesSpec.Formats.Tests;

/// <summary>
/// Which day a CRM record counts on: dates stay as written, timestamps with a Z or an offset are read in the
/// organisation's zone, and times without a zone (HubSpot's portal clock) are already local.
/// </summary>
public sealed class CrmTimeZoneTests
{
    private const string Users = "\"Id\",\"Email\",\"Name\"\n\"u1\",\"a@b.test\",\"A B\"\n";

    private static DateOnly DayOf(string zone, params (string Name, string Content)[] files)
    {
        var records = new List<CrmRecord>();
        var report = CrmExportReader.Read(
            files.Select(f => CrmFile.FromText(f.Name, f.Content)).ToList(),
            new CrmExportOptions { TimeZone = LocalDay.Zone(zone) },
            records.Add,
            _ => { });
        report.Problems.ShouldBeEmpty();
        return records.ShouldHaveSingleItem().Date;
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A timed Salesforce event that has only its UTC start (no ActivityDate column).</summary>
    private static (string, string) EventStartingAt(string start) =>
        ("Event.csv", $"\"Id\",\"OwnerId\",\"WhatId\",\"Subject\",\"StartDateTime\",\"DurationInMinutes\"\n\"00U1\",\"u1\",\"0065e00000P0001AAA\",\"Demo\",\"{start}\",\"60\"\n");

    [Theory]
    [InlineData("2026-11-16T03:00:00.000Z", "UTC", "2026-11-16")]
    [InlineData("2026-11-16T03:00:00.000Z", "America/Los_Angeles", "2026-11-15")]   // Sunday evening there: week 46, not 47
    [InlineData("2026-11-15T23:30:00.000Z", "Europe/Berlin", "2026-11-16")]         // Monday already: week 47, not 46
    [InlineData("2026-11-16T01:00:00+01:00", "UTC", "2026-11-16")]                   // an offset: 00:00 UTC
    [InlineData("2026-11-16T01:00:00+01:00", "America/New_York", "2026-11-15")]
    [InlineData("2026-03-09T04:30:00.000Z", "America/New_York", "2026-03-09")]      // after the clocks went forward (EDT)
    [InlineData("2026-11-02T04:30:00.000Z", "America/New_York", "2026-11-01")]      // after they went back (EST)
    [InlineData("2026-03-29T22:30:00.000Z", "Europe/Berlin", "2026-03-30")]         // CEST
    [InlineData("2026-10-25T22:30:00.000Z", "Europe/Berlin", "2026-10-25")]         // CET again
    public void A_utc_timestamp_counts_on_its_day_in_the_organisations_zone(string start, string zone, string day) =>
        DayOf(zone, EventStartingAt(start), ("User.csv", Users)).ShouldBe(Day(day));

    [Theory]
    [InlineData("2026-11-16")]
    [InlineData("2026-11-16T00:00:00.000Z")] // a date some tools write with Salesforce's midnight UTC: still the 16th
    public void A_date_stays_the_date_it_shows_in_any_zone(string activityDate)
    {
        var task = ("Task.csv", $"\"Id\",\"OwnerId\",\"WhoId\",\"Subject\",\"ActivityDate\",\"CompletedDateTime\",\"TaskSubtype\",\"CallDurationInSeconds\"\n" +
            $"\"00T1\",\"u1\",\"00Q5e00000L0001AAA\",\"Call\",\"{activityDate}\",\"2026-11-17T03:00:00.000Z\",\"Call\",\"600\"\n");

        foreach (var zone in new[] { "UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago" })
        {
            DayOf(zone, task, ("User.csv", Users)).ShouldBe(Day("2026-11-16"), zone);
        }
    }

    [Fact]
    public void A_task_without_a_date_counts_on_its_completion_in_the_organisations_zone()
    {
        var task = ("Task.csv", "\"Id\",\"OwnerId\",\"WhoId\",\"Subject\",\"ActivityDate\",\"CompletedDateTime\",\"TaskSubtype\",\"CallDurationInSeconds\"\n" +
            "\"00T1\",\"u1\",\"00Q5e00000L0001AAA\",\"Call\",\"\",\"2026-11-16T03:00:00.000Z\",\"Call\",\"600\"\n");

        DayOf("America/Los_Angeles", task, ("User.csv", Users)).ShouldBe(Day("2026-11-15"));
        DayOf("Europe/Berlin", task, ("User.csv", Users)).ShouldBe(Day("2026-11-16"));
    }

    [Theory]
    // HubSpot's exports write the portal's wall clock without a zone: already local, whatever the organisation's zone.
    [InlineData("2026-11-16 00:30", "America/Los_Angeles", "2026-11-16")]
    [InlineData("2026-11-15 23:30", "Europe/Berlin", "2026-11-15")]
    [InlineData("2026-11-16T00:30:00", "America/Los_Angeles", "2026-11-16")]
    // Unix milliseconds (its API property names) are an instant: 1794798000000 is 2026-11-16T03:00:00Z.
    [InlineData("1794798000000", "UTC", "2026-11-16")]
    [InlineData("1794798000000", "America/Los_Angeles", "2026-11-15")]
    public void HubSpot_local_times_stay_and_milliseconds_are_converted(string activityDate, string zone, string day)
    {
        var calls = ("calls.csv", $"Record ID,Activity assigned to,Activity date,Call duration (HH:mm:ss),Call Title\n1,a@b.test,{activityDate},0:10:00,Intro call\n");

        DayOf(zone, calls).ShouldBe(Day(day));
    }

    [Fact]
    public void A_meetings_span_is_the_same_whatever_zone_its_ends_are_written_in()
    {
        var meetings = ("meetings.csv", "Record ID,Activity assigned to,Meeting name,Meeting start time,Meeting end time\n" +
            "1,a@b.test,Demo,2026-11-16T03:00:00Z,2026-11-15T20:30:00-08:00\n");
        var minutes = new List<decimal?>();

        CrmExportReader.Read([CrmFile.FromText(meetings.Item1, meetings.Item2)],
            new CrmExportOptions { TimeZone = LocalDay.Zone("America/Los_Angeles") }, r => minutes.Add(r.Minutes), _ => { });

        minutes.ShouldBe([90m]);
    }
}
