namespace SalesSpec.Web.Features.Access;

/// <summary>
/// Proof that the signed-in user is a member of one organisation, and what they may do there. Feature services
/// take this, never a bare organisation id. Every answer comes from the one table in <see cref="Permissions"/>.
/// </summary>
public sealed record MemberAccess(
    string UserId,
    int OrganizationId,
    string OrganizationName,
    MemberRole Role,
    int? RepId,
    IReadOnlySet<int> ManagedTeamIds)
{
    /// <summary>An archived organisation is read-only: its data stays visible, nothing changes it.</summary>
    public bool IsArchived { get; init; }

    /// <summary>The organisation's IANA time zone: its day, and so its week, starts at its own midnight.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Today in the organisation's time zone.</summary>
    public DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return LocalDay.Of(clock.GetUtcNow(), LocalDay.Zone(TimeZone));
    }

    /// <summary>The ISO week that holds today, in the organisation's time zone.</summary>
    public IsoWeek ThisWeek(TimeProvider clock) => IsoWeek.Containing(Today(clock));

    /// <summary>What the role allows, less every change while the organisation is archived.</summary>
    public bool May(Permission permission) =>
        Permissions.Allows(Role, permission) && (!IsArchived || Permissions.KeptInArchive(permission));

    public bool SeesWholeOrganization => May(Permission.SeeWholeOrganization);

    /// <summary>Whether this member brings data in and takes it out in bulk: time logs, CRM exports, lead counts.</summary>
    public bool MayImport => May(Permission.Import);

    /// <summary>Whether this member designs the future organisation in scenarios (reps never see them).</summary>
    public bool MayPlanScenarios => May(Permission.PlanScenarios);

    /// <summary>Whether this member reads the analysis and dashboards.</summary>
    public bool MaySeeAnalysis => May(Permission.SeeAnalysis);

    /// <summary>Whether this member opens the team week (reviews some team's weeks).</summary>
    public bool MayReviewSomeTeam => May(Permission.ReviewAllTeams) || May(Permission.ReviewManagedTeams);

    /// <summary>Whether a rep (by id and team) is within what this member may see.</summary>
    public bool MaySee(int repId, int? teamId) =>
        SeesWholeOrganization || Manages(teamId) || RepId == repId;

    /// <summary>Whether this member reviews (approves, rejects, enters on behalf of) the reps of a team.</summary>
    public bool MayReview(int? teamId) =>
        May(Permission.ReviewAllTeams) || (May(Permission.ReviewManagedTeams) && Manages(teamId));

    /// <summary>Whether this member may close a period for a team (null: the whole organisation).</summary>
    public bool MayLock(int? teamId) =>
        May(Permission.LockAllTeams) || (May(Permission.LockManagedTeams) && Manages(teamId));

    /// <summary>Whether this member may see and enter the week of a rep (by id and team).</summary>
    public bool MayEnterWeekOf(int repId, int? teamId) => (RepId == repId && May(Permission.LogOwnWeek)) || MayReview(teamId);

    /// <summary>
    /// Minimal APIs bind a <see cref="MemberAccess"/> parameter to the caller's membership of the organisation in the
    /// route's <c>id</c>; null when they are not a member (<see cref="PermissionFilter"/> then answers 404).
    /// </summary>
    public static async ValueTask<MemberAccess?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.RouteValues.TryGetValue("id", out var value)
            || !int.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var organizationId))
        {
            return null;
        }
        var access = context.RequestServices.GetRequiredService<OrganizationAccess>();
        return await access.ForAsync(context.User, organizationId, context.RequestAborted);
    }

    private bool Manages(int? teamId) => teamId is int team && ManagedTeamIds.Contains(team);
}
