using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Access;

/// <summary>
/// The address that opens an organisation for a member: their role's landing page (<see cref="Landing"/>) when they may
/// use it there, else the overview — a rep without a linked rep record, or an archived organisation, has no week to log.
/// </summary>
public static class OrganizationLanding
{
    /// <summary>
    /// The membership of the organisation an address is in (/organizations/12/…), by its id: names can repeat, and
    /// "/organizations/1" is a prefix of "/organizations/12".
    /// </summary>
    public static MemberAccess? InAddress(IEnumerable<MemberAccess>? memberships, string address)
    {
        var segments = new Uri(address, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute
            ? absolute.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            : address.Split('?', '#')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 1 && segments[0] == "organizations" && int.TryParse(segments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? memberships?.FirstOrDefault(m => m.OrganizationId == id)
            : null;
    }

    public static string Overview(int organizationId) => $"/organizations/{organizationId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Whether a member of this organisation, its only one, goes straight to it after signing in.</summary>
    public static bool SkipsTheList(MemberAccess member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Landing.For(member.Role) != LandingPage.OrganizationList;
    }

    public static string Address(MemberAccess member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Landing.For(member.Role) switch
        {
            LandingPage.Dashboard when member.MaySeeAnalysis => $"{Overview(member.OrganizationId)}/dashboard",
            LandingPage.MyWeek when member.RepId is not null && member.May(Permission.LogOwnWeek) => WeekLinks.MyWeek(member.OrganizationId),
            LandingPage.TeamWeek when member.MayReviewSomeTeam => WeekLinks.TeamWeek(member.OrganizationId),
            _ => Overview(member.OrganizationId),
        };
    }
}
