namespace SalesSpec.Web.Features.Members.Services;

/// <summary>A member's role in the organisation, with the rep they are (Rep) or the teams they manage (Manager).</summary>
public class RoleAssignment
{
    public MemberRole Role { get; set; } = MemberRole.Rep;

    public int? RepId { get; set; }

    public IReadOnlyCollection<int> TeamIds { get; set; } = [];
}
