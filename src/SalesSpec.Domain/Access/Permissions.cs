namespace SalesSpec.Domain.Access;

/// <summary>
/// The one table of who may do what. Pages, endpoints and services ask it (through the member's access);
/// nothing else decides from a role. docs/security.md prints this table, and a test keeps the two equal.
/// </summary>
public static class Permissions
{
    private static readonly Dictionary<MemberRole, HashSet<Permission>> Table = new()
    {
        [MemberRole.Admin] =
        [
            Permission.SeeWholeOrganization, Permission.SeeAnalysis, Permission.LogOwnWeek, Permission.ReviewAllTeams,
            Permission.ReviewManagedTeams, Permission.LockAllTeams, Permission.LockManagedTeams, Permission.LiftLocks, Permission.Import,
            Permission.PlanScenarios, Permission.CreateOrganizations, Permission.ManageOrganization,
            Permission.DeleteOrganization, Permission.ManageTeams, Permission.ManagePeople, Permission.ManageRoles,
            Permission.ManageCatalogue, Permission.ManageMembers, Permission.SeeAuditLog,
        ],
        [MemberRole.Leader] =
        [
            Permission.SeeWholeOrganization, Permission.SeeAnalysis, Permission.LogOwnWeek, Permission.ReviewAllTeams,
            Permission.ReviewManagedTeams, Permission.LiftLocks, Permission.Import, Permission.PlanScenarios,
        ],
        [MemberRole.Manager] =
        [
            Permission.SeeAnalysis, Permission.LogOwnWeek, Permission.ReviewManagedTeams, Permission.LockManagedTeams,
        ],
        [MemberRole.Rep] = [Permission.LogOwnWeek],
        // An outside consultant reads and plans, and sets up the client organisations they create (as their Admin),
        // but changes nothing of the set-up of an organisation they were invited to.
        [MemberRole.Consultant] =
        [
            Permission.SeeWholeOrganization, Permission.SeeAnalysis, Permission.Import, Permission.PlanScenarios,
            Permission.CreateOrganizations,
        ],
    };

    // What an archived organisation still allows: reading it, and restoring or deleting it.
    private static readonly HashSet<Permission> KeptWhenArchived =
    [
        Permission.SeeWholeOrganization, Permission.SeeAnalysis, Permission.CreateOrganizations,
        Permission.ManageOrganization, Permission.DeleteOrganization, Permission.SeeAuditLog,
    ];

    public static bool Allows(MemberRole role, Permission permission) =>
        Table.TryGetValue(role, out var allowed) && allowed.Contains(permission);

    /// <summary>Whether a permission still holds in an archived (read-only) organisation.</summary>
    public static bool KeptInArchive(Permission permission) => KeptWhenArchived.Contains(permission);

    /// <summary>What a permission lets a member do, in the words of the permission table in docs/security.md.</summary>
    public static string Describe(Permission permission) => permission switch
    {
        Permission.SeeWholeOrganization => "See every team and rep (others see their own teams or themselves)",
        Permission.SeeAnalysis => "Read the analysis and dashboards of the teams they see",
        Permission.LogOwnWeek => "Log their own week (members linked to a rep)",
        Permission.ReviewAllTeams => "Approve, reject and enter the weeks of every team",
        Permission.ReviewManagedTeams => "Approve, reject and enter the weeks of the teams they manage",
        Permission.LockAllTeams => "Close a period for the whole organisation or any team",
        Permission.LockManagedTeams => "Close a period for the teams they manage",
        Permission.LiftLocks => "Lift a closed period, reopening its weeks (audited)",
        Permission.Import => "Import and export time logs, CRM exports and lead counts",
        Permission.PlanScenarios => "Build, compare and export scenarios",
        Permission.CreateOrganizations => "Create client organisations (and become their Admin)",
        Permission.ManageOrganization => "Rename, archive and restore the organisation; change its settings",
        Permission.DeleteOrganization => "Delete the organisation with all its data",
        Permission.ManageTeams => "Create, rename, merge and archive teams; assign managers",
        Permission.ManagePeople => "Add and edit people: name, email, team, role, FTE, active",
        Permission.ManageRoles => "Add and edit roles, their workload, cost and ramp",
        Permission.ManageCatalogue => "Edit the activity catalogue and each activity's function",
        Permission.ManageMembers => "Invite members and change their roles",
        Permission.SeeAuditLog => "Read the audit log",
        _ => permission.ToString(),
    };

    /// <summary>The roles that hold a permission, in the order of <see cref="MemberRole"/>.</summary>
    public static IReadOnlyList<MemberRole> RolesWith(Permission permission) =>
        Enum.GetValues<MemberRole>().Where(r => Allows(r, permission)).ToList();
}
