namespace SalesSpec.Web.Features.Teams;

/// <summary>A member with the Manager role, by the membership that a team's manager list names.</summary>
public sealed record TeamManager(int MembershipId, string Name);
