namespace SalesSpec.Web.Features.Members.Services;

/// <summary>An invitation: who, and the role they will have (Rep by default: most people invited log their own week).</summary>
public sealed class InviteForm : RoleAssignment
{
    public string Email { get; set; } = "";
}
