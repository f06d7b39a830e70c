namespace SalesSpec.Domain.Access;

/// <summary>What a person may do in one organisation.</summary>
public enum MemberRole
{
    /// <summary>Manages members, teams, reps, roles, the activity catalogue and settings; sees everything.</summary>
    Admin,

    /// <summary>VP or head of sales: sees the whole organisation.</summary>
    Leader,

    /// <summary>Sees the teams they manage.</summary>
    Manager,

    /// <summary>Sees and edits only their own time and figures.</summary>
    Rep,

    /// <summary>An outside consultant: sees the whole organisation, changes nothing of its set-up.</summary>
    Consultant,
}
