using SalesSpec.Domain.Access;

namespace SalesSpec.Domain.Tests.Access;

/// <summary>Where each role starts (issue 19, "Landing").</summary>
public sealed class LandingTests
{
    [Theory]
    [InlineData(MemberRole.Leader, LandingPage.Dashboard)]
    [InlineData(MemberRole.Rep, LandingPage.MyWeek)]
    [InlineData(MemberRole.Manager, LandingPage.TeamWeek)]
    [InlineData(MemberRole.Admin, LandingPage.Overview)]
    [InlineData(MemberRole.Consultant, LandingPage.OrganizationList)]
    public void Each_role_lands_where_its_work_is(MemberRole role, LandingPage expected)
    {
        Landing.For(role).ShouldBe(expected);
    }
}
