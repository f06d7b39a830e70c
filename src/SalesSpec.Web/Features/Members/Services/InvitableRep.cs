namespace SalesSpec.Web.Features.Members.Services;

/// <summary>A person of the organisation with no login yet and no open invitation.</summary>
public sealed record InvitableRep(int Id, string Name, string Email, string? Team);
