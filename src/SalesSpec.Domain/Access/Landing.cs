namespace SalesSpec.Domain.Access;

/// <summary>Each role starts where its daily work is: a VP on the dashboard, a rep on their week, a manager on the team's.</summary>
public static class Landing
{
    public static LandingPage For(MemberRole role) => role switch
    {
        MemberRole.Leader => LandingPage.Dashboard,
        MemberRole.Rep => LandingPage.MyWeek,
        MemberRole.Manager => LandingPage.TeamWeek,
        MemberRole.Consultant => LandingPage.OrganizationList,
        _ => LandingPage.Overview,
    };
}
