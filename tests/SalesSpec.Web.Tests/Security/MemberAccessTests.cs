using SalesSpec.Domain.Access;
using SalesSpec.Domain.Common;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

/// <summary>What a member may do comes from the table, less every change while archived; their week starts at their organisation's midnight.</summary>
public sealed class MemberAccessTests
{
    private static MemberAccess Member(MemberRole role, bool archived = false, string timeZone = "UTC") =>
        new("user", 1, "Northwind Cloud", role, 5, new HashSet<int>()) { IsArchived = archived, TimeZone = timeZone };

    [Theory]
    [InlineData("UTC", "2026-W48")]
    [InlineData("Pacific/Kiritimati", "2026-W49")]
    [InlineData("America/Los_Angeles", "2026-W48")]
    [InlineData("Not/AZone", "2026-W48")]
    public void This_week_is_the_week_of_the_organisations_own_day(string timeZone, string week)
    {
        // Sunday 29 November 2026, 12:00 UTC: already Monday on Kiritimati (UTC+14), still Sunday morning in Los Angeles.
        var clock = new FixedClock(new DateOnly(2026, 11, 29));

        Member(MemberRole.Rep, timeZone: timeZone).ThisWeek(clock).ShouldBe(IsoWeek.Parse(week));
    }

    [Fact]
    public void An_archived_organisation_keeps_only_reading_restoring_and_deleting()
    {
        var admin = Member(MemberRole.Admin, archived: true);
        foreach (var permission in Enum.GetValues<Permission>())
        {
            admin.May(permission).ShouldBe(Permissions.KeptInArchive(permission), permission.ToString());
        }
        Member(MemberRole.Rep).MayEnterWeekOf(5, null).ShouldBeTrue();
        Member(MemberRole.Rep, archived: true).MayEnterWeekOf(5, null).ShouldBeFalse();
        Member(MemberRole.Leader).MayReview(null).ShouldBeTrue();
        Member(MemberRole.Manager).MayReview(null).ShouldBeFalse();
    }
}
