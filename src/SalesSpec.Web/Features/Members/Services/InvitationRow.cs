namespace SalesSpec.Web.Features.Members.Services;

/// <param name="EmailSent">What became of the invitation's email; null when none was queued (no SMTP, or invited one by one).</param>
public sealed record InvitationRow(int Id, string Email, MemberRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, InvitationEmail? EmailSent = null);
