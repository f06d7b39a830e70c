namespace SalesSpec.Web.Features.People.Services;

/// <summary>
/// A partial change over the API: the version read, and only the fields to change (noTeam takes the person out of
/// their team; teamFrom is the week a team change takes effect, this week when left out).
/// </summary>
public sealed record RepPatch(
    int? Version,
    string? Name = null,
    string? Email = null,
    int? TeamId = null,
    bool NoTeam = false,
    int? RoleId = null,
    decimal? Fte = null,
    bool? Active = null,
    string? TeamFrom = null)
{
    public RepEdit ApplyTo(RepDocument current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new RepEdit
        {
            Name = Name ?? current.Name,
            Email = Email ?? current.Email,
            TeamId = NoTeam ? null : TeamId ?? current.TeamId,
            RoleId = RoleId ?? current.RoleId,
            Fte = Fte ?? current.Fte,
            Active = Active ?? current.Active,
            TeamFrom = TeamFrom,
            Version = Version ?? 0,
        };
    }
}
