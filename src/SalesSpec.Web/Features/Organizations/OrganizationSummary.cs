namespace SalesSpec.Web.Features.Organizations;

/// <summary>One of the caller's organisations, with their role there.</summary>
public sealed record OrganizationSummary(int Id, string Name, MemberRole Role, bool Archived);
