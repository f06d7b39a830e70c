namespace SalesSpec.Domain.Access;

/// <summary>Where a member starts after signing in or opening an organisation.</summary>
public enum LandingPage
{
    /// <summary>The list of their organisations (a consultant works for several clients).</summary>
    OrganizationList,

    /// <summary>The organisation's overview.</summary>
    Overview,

    /// <summary>The dashboard.</summary>
    Dashboard,

    /// <summary>Their own week.</summary>
    MyWeek,

    /// <summary>The weeks of the teams they review.</summary>
    TeamWeek,
}
