namespace SalesSpec.Web.Features.People.Services;

/// <summary>A person's details as they are added or edited, with the version they were read with (0 when adding).</summary>
public sealed class RepEdit
{
    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Null: in no team.</summary>
    public int? TeamId { get; set; }

    /// <summary>The week a team change takes effect (2026-W48, or a date in it); empty: this week. Ignored when the team stays.</summary>
    public string? TeamFrom { get; set; }

    /// <summary>Null only until a role is chosen; the validator requires one.</summary>
    public int? RoleId { get; set; }

    /// <summary>Full-time equivalent: more than 0, at most 1.5 (1 is full time).</summary>
    public decimal Fte { get; set; } = 1m;

    public bool Active { get; set; } = true;

    public int Version { get; set; }

    public static RepEdit From(RepDocument rep)
    {
        ArgumentNullException.ThrowIfNull(rep);
        return new RepEdit
        {
            Name = rep.Name,
            Email = rep.Email,
            TeamId = rep.TeamId,
            RoleId = rep.RoleId,
            Fte = rep.Fte,
            Active = rep.Active,
            Version = rep.Version,
        };
    }
}
