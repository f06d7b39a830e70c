using SalesSpec.Domain.Access;

namespace SalesSpec.Web.Features.Members;

public sealed class InviteForm
{
    public string Email { get; set; } = "";

    public MemberRole Role { get; set; } = MemberRole.Leader;

    public int? RepId { get; set; }

    public IReadOnlyCollection<int> TeamIds { get; set; } = [];
}
