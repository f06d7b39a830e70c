namespace SalesSpec.Web.Features.Members;

public sealed record InvitationRow(int Id, string Email, MemberRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
