namespace SalesSpec.Web.Features.Members.Services;

public sealed record MemberRow(int MembershipId, string UserId, string Email, string Name, MemberRole Role, string? Rep, IReadOnlyList<string> Teams);
