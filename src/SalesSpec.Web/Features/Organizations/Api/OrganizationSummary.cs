namespace SalesSpec.Web.Features.Organizations.Api;

/// <summary>One of the caller's organisations, with their role there.</summary>
public sealed record OrganizationSummary(int Id, string Name, MemberRole Role, bool Archived);
