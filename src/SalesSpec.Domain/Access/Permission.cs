namespace SalesSpec.Domain.Access;

/// <summary>Something a member may do in an organisation. Who may do what is in <see cref="Permissions"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The plain word for it; it is not a System.Security permission.")]
public enum Permission
{
    /// <summary>See every team and rep, not only one's own teams or oneself.</summary>
    SeeWholeOrganization,

    /// <summary>Read the workload analysis and dashboards (of the teams one sees).</summary>
    SeeAnalysis,

    /// <summary>Log one's own week (members linked to a rep).</summary>
    LogOwnWeek,

    /// <summary>Approve, reject and enter the weeks of every team's reps.</summary>
    ReviewAllTeams,

    /// <summary>Approve, reject and enter the weeks of the reps of the teams one manages.</summary>
    ReviewManagedTeams,

    /// <summary>Close a period for the whole organisation or any team.</summary>
    LockAllTeams,

    /// <summary>Close a period for the teams one manages.</summary>
    LockManagedTeams,

    /// <summary>Lift a lock period someone set, reopening its weeks (audited).</summary>
    LiftLocks,

    /// <summary>Bring data in and take it out in bulk: time logs, CRM exports, lead counts.</summary>
    Import,

    /// <summary>Design the future organisation in scenarios.</summary>
    PlanScenarios,

    /// <summary>Create client organisations (and become their Admin).</summary>
    CreateOrganizations,

    /// <summary>Rename and archive the organisation, and change its settings.</summary>
    ManageOrganization,

    /// <summary>Delete the organisation with all its data.</summary>
    DeleteOrganization,

    /// <summary>Create, rename, merge and archive teams, and assign their managers.</summary>
    ManageTeams,

    /// <summary>Add and edit people: name, email, team, role, FTE, active.</summary>
    ManagePeople,

    /// <summary>Add and edit roles, their core workload, cost and ramp.</summary>
    ManageRoles,

    /// <summary>Edit the activity catalogue and which function each activity counts for.</summary>
    ManageCatalogue,

    /// <summary>Invite members and change their roles.</summary>
    ManageMembers,

    /// <summary>Read the organisation's audit log.</summary>
    SeeAuditLog,
}
