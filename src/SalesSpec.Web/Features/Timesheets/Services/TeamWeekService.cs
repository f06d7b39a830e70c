using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Features.Notifications.Services;

namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>A reviewer's view of a week across their teams: status per rep, bulk approval, reminders and lock periods.</summary>
public sealed class TeamWeekService(
    OrganizationAccess access, WeekService weeks, MailOutbox mail, TimeProvider clock)
{
    public const string Forbidden = "The team week is for Managers, Leaders and Admins.";

    /// <summary>The week for one team, or for every team the member reviews (null team).</summary>
    public async Task<TeamWeekView?> GetAsync(MemberAccess member, IsoWeek week, int? teamId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!MayUse(member))
        {
            return null;
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var locks = await db.LockPeriods.AsNoTracking()
            .GroupBy(l => l.TeamId)
            .Select(g => new { TeamId = g.Key, Through = g.Max(l => l.LockedThrough) })
            .ToListAsync(cancellationToken);
        var organizationLock = locks.FirstOrDefault(l => l.TeamId == null)?.Through;
        var teamLocks = locks.Where(l => l.TeamId is not null).ToDictionary(l => l.TeamId!.Value, l => l.Through);
        var organizationTeams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var teams = organizationTeams
            .Where(t => member.MayReview(t.Id))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .Select(t => new TeamOption(t.Id, t.Name, Latest(teamLocks.TryGetValue(t.Id, out var through) ? through : null, organizationLock)))
            .ToList();
        if (teamId is int chosen && teams.All(t => t.Id != chosen))
        {
            teamId = null;
        }
        var teamIds = teamId is int one ? [one] : teams.Select(t => t.Id).ToList();
        var lockOf = teams.ToDictionary(t => t.Id, t => t.LockedThrough);
        // Leaders and Admins also see reps who are in no team; a team filter or a Manager never does.
        var includeTeamless = teamId is null && member.May(Permission.ReviewAllTeams);
        // Everyone in the organisation: no list of a thousand team ids for the database to match.
        var everyone = includeTeamless && teams.Count == organizationTeams.Count;

        // The reps who were in these teams that week, whichever team they are in now, with their timesheet and
        // their hours of the week (the weekly summary: one row per rep, not one per activity): one statement
        // however many reps, the database joining by rep rather than the app sending a list of ids.
        var monday = week.Monday;
        var assignments = db.RepTeamAssignments.AsNoTracking()
            .Where(a => a.FromWeek <= monday && (a.ToWeek == null || a.ToWeek > monday))
            .Where(a => a.Rep.IsActive && a.Rep.Role.IsAnalysed);
        if (!everyone)
        {
            assignments = assignments.Where(a => (a.TeamId != null && teamIds.Contains(a.TeamId.Value)) || (includeTeamless && a.TeamId == null));
        }
        var found = await (
                from a in assignments
                join t in db.Timesheets.Where(t => t.WeekStart == monday) on a.RepId equals t.RepId into sheets
                from sheet in sheets.DefaultIfEmpty()
                join s in db.RepWeekSummaries.Where(s => s.WeekStart == monday) on a.RepId equals s.RepId into summaries
                from summary in summaries.DefaultIfEmpty()
                select new
                {
                    Id = a.RepId,
                    a.Rep.Name,
                    a.Rep.Email,
                    a.TeamId,
                    Team = a.Team == null ? null : a.Team.Name,
                    Status = sheet == null ? (TimesheetStatus?)null : sheet.Status,
                    Version = sheet == null ? (int?)null : sheet.Version,
                    SubmittedAt = sheet == null ? null : sheet.SubmittedAt,
                    ReviewComment = sheet == null ? null : sheet.ReviewComment,
                    E4 = summary == null ? 0L : (long)summary.InboundQualificationE4 + summary.OutboundProspectingE4 + summary.ClosingE4 + summary.PostSalesE4 + summary.NonSellingE4,
                })
            .ToListAsync(cancellationToken);

        var rows = found.Select(r =>
            {
                var logged = r.E4 / Data.SqlHours.PerHour;
                // Hours without a timesheet (e.g. imported) are a draft nobody has submitted yet.
                var status = r.Status ?? (logged > 0m ? TimesheetStatus.Draft : (TimesheetStatus?)null);
                // A team's lock already includes the organisation's; a rep in no team has only the latter.
                var teamLock = r.TeamId is { } team ? lockOf.GetValueOrDefault(team) : Latest(null, organizationLock);
                var locked = r.Status == TimesheetStatus.Approved || (teamLock is { } through && week <= through);
                return new TeamWeekRow(r.Id, r.Name, r.Email, r.TeamId, r.Team, status, r.Version, logged, r.SubmittedAt, r.ReviewComment, locked);
            })
            .OrderBy(r => StatusOrder(r.Status)).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new TeamWeekView(week, teamId, teams, rows, organizationLock is { } o ? IsoWeek.FromMonday(o) : null, member.MayLock(null));
    }

    /// <summary>Approves each submitted week given by rep and the version the reviewer saw.</summary>
    public async Task<ReviewResult> ApproveAsync(
        MemberAccess member, IsoWeek week, IEnumerable<(int RepId, int? Version)> sheets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var done = 0;
        var problems = new List<string>();
        // One transaction per week: a week changed meanwhile is reported, the others still go through.
        foreach (var (repId, version) in sheets)
        {
            var outcome = await weeks.ApproveAsync(member, repId, week, version, cancellationToken);
            if (outcome.Succeeded)
            {
                done++;
            }
            else
            {
                problems.Add(outcome.Message ?? "Could not approve.");
            }
        }
        return new ReviewResult(done, problems);
    }

    /// <summary>
    /// Reminds every rep in scope who has not handed the week in (missing, draft or rejected) — never
    /// those who have. A rep with an unread reminder for the week is not reminded twice.
    /// </summary>
    public async Task<ReviewResult> RemindAsync(MemberAccess member, IsoWeek week, int? teamId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var view = await GetAsync(member, week, teamId, cancellationToken);
        if (view is null)
        {
            return new ReviewResult(0, [Forbidden]);
        }
        var outstanding = view.Rows.Where(r => r.IsOutstanding && !r.IsLocked).ToList();
        var link = WeekLinks.MyWeek(member.OrganizationId, week);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var ids = outstanding.Select(r => r.RepId).ToList();
        var alreadyReminded = await db.Notifications
            .Where(n => ids.Contains(n.RepId) && n.Kind == NotificationKind.Reminder && n.Link == link && n.ReadAt == null)
            .Select(n => n.RepId).ToListAsync(cancellationToken);
        var sender = await db.Users.Where(u => u.Id == member.UserId).Select(u => u.DisplayName ?? u.Email).SingleOrDefaultAsync(cancellationToken) ?? "Your manager";
        var now = clock.GetUtcNow();
        var toRemind = outstanding.Where(r => !alreadyReminded.Contains(r.RepId)).ToList();
        foreach (var rep in toRemind)
        {
            db.Notifications.Add(new Notification
            {
                Kind = NotificationKind.Reminder,
                OrganizationId = member.OrganizationId,
                RepId = rep.RepId,
                Message = $"{sender} reminds you to submit your week {week} ({week.Monday:d MMM} – {week.Sunday:d MMM}).",
                Link = link,
                CreatedAt = now,
            });
            if (mail.Sends)
            {
                // Queued with the in-app reminder, in the same save; sent after the request (MailOutboxService).
                mail.Add(db, member.OrganizationId, OutboxEmailKind.Reminder, new OutgoingEmail(rep.Email, $"Please submit your week {week}",
                    $"Hello {rep.Name},\n\n{sender} reminds you to submit your SalesSpec week {week} ({week.Monday:d MMM} – {week.Sunday:d MMM yyyy}).\n\n{mail.AbsoluteLink(link)}\n"))
                    .RepId = rep.RepId;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        var queued = mail.Sends ? toRemind.Count : 0;
        if (queued > 0)
        {
            mail.Signal();
        }
        return new ReviewResult(toRemind.Count, [], queued);
    }

    /// <summary>
    /// What locking every week up to <paramref name="through"/> for a team (or the organisation) would close, for the
    /// reviewer to confirm: the weeks, the reps and the weeks not approved yet. Nothing is locked here.
    /// </summary>
    public async Task<Outcome<LockPlan>> PlanLockAsync(MemberAccess member, int? teamId, IsoWeek through, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (MayNotLock(member, teamId, through) is { } refused)
        {
            return refused;
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        return await PlanAsync(db, teamId, through, cancellationToken);
    }

    /// <summary>Locks every week up to and including <paramref name="through"/> for a team, or for the organisation (Admins).</summary>
    public async Task<Outcome<LockPlan>> LockAsync(MemberAccess member, int? teamId, IsoWeek through, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (MayNotLock(member, teamId, through) is { } refused)
        {
            return refused;
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var plan = await PlanAsync(db, teamId, through, cancellationToken);
        if (!plan.Succeeded)
        {
            return plan;
        }
        if (plan.Value!.ChangesNothing)
        {
            // Said, not silently added: a second, earlier lock would read as if it had closed something.
            return Outcome.Invalid<LockPlan>(plan.Value.Describe());
        }
        var name = await db.Users.Where(u => u.Id == member.UserId).Select(u => u.DisplayName ?? u.Email).SingleOrDefaultAsync(cancellationToken) ?? "a reviewer";
        db.LockPeriods.Add(LockPeriod.Create(member.OrganizationId, teamId, through, name, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>The lock periods of the organisation and of the teams the member reviews, latest first.</summary>
    public async Task<IReadOnlyList<LockInForce>> LocksAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!MayUse(member))
        {
            return [];
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var locks = await (
                from l in db.LockPeriods.AsNoTracking()
                join t in db.Teams on l.TeamId equals t.Id into teams
                from team in teams.DefaultIfEmpty()
                select new { l.Id, l.TeamId, Team = team == null ? null : team.Name, l.LockedThrough, l.LockedBy, l.CreatedAt })
            .ToListAsync(cancellationToken);
        var mayLift = member.May(Permission.LiftLocks);
        return locks
            .Where(l => l.TeamId is null || member.MayReview(l.TeamId))
            .OrderByDescending(l => l.LockedThrough).ThenBy(l => l.TeamId is null ? "" : l.Team, StringComparer.OrdinalIgnoreCase)
            .Select(l => new LockInForce(l.Id, l.TeamId, LockPeriod.Scope(l.TeamId, l.Team), IsoWeek.FromMonday(l.LockedThrough), l.LockedBy, l.CreatedAt, mayLift))
            .ToList();
    }

    /// <summary>What lifting a lock would reopen, for the Admin or Leader to confirm; nothing is lifted here.</summary>
    public async Task<Outcome<string>> PlanLiftAsync(MemberAccess member, int lockId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.May(Permission.LiftLocks))
        {
            return Outcome.Forbidden<string>(LiftForbidden);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        return await LiftTextAsync(db, lockId, cancellationToken);
    }

    /// <summary>Lifts one lock period, reopening the weeks no other lock closes; the audit log records who did.</summary>
    public async Task<Outcome<string>> LiftAsync(MemberAccess member, int lockId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.May(Permission.LiftLocks))
        {
            return Outcome.Forbidden<string>(LiftForbidden);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var text = await LiftTextAsync(db, lockId, cancellationToken);
        if (!text.Succeeded)
        {
            return text;
        }
        var period = await db.LockPeriods.SingleOrDefaultAsync(l => l.Id == lockId, cancellationToken);
        if (period is null)
        {
            return Outcome.NotFound<string>(AlreadyLifted);
        }
        db.LockPeriods.Remove(period);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.NotFound<string>(AlreadyLifted);
        }
        return text;
    }

    private const string LiftForbidden = "Only an Admin or a Leader lifts a lock.";

    private const string AlreadyLifted = "That lock is no longer there: someone lifted it meanwhile.";

    private Outcome<LockPlan>? MayNotLock(MemberAccess member, int? teamId, IsoWeek through)
    {
        if (!member.MayLock(teamId))
        {
            return Outcome.Forbidden<LockPlan>(teamId is null
                ? "Only an Admin locks weeks for the whole organisation."
                : "Only the team's Manager or an Admin locks its weeks.");
        }
        if (through > member.ThisWeek(clock))
        {
            return Outcome.Invalid<LockPlan>("Weeks that have not started yet cannot be locked.");
        }
        return null;
    }

    private static async Task<Outcome<LockPlan>> PlanAsync(SalesSpecDbContext db, int? teamId, IsoWeek through, CancellationToken cancellationToken)
    {
        string? teamName = null;
        if (teamId is int team)
        {
            teamName = await db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
            if (teamName is null)
            {
                return Outcome.NotFound<LockPlan>("There is no such team in this organisation.");
            }
        }
        var locks = await db.LockPeriods.AsNoTracking().Where(l => l.TeamId == null || l.TeamId == teamId).ToListAsync(cancellationToken);
        // The organisation's own lock only: a team locked further keeps its weeks closed either way.
        var before = LockPeriod.LockedThroughFor(teamId is null ? locks.Where(l => l.TeamId is null) : locks, teamId);
        var from = before?.AddWeeks(1).Monday ?? DateOnly.MinValue;
        var last = through.Monday;
        // The reps whose team (or any team, for the organisation) held them in a week this lock closes.
        // The people the team week shows: active reps whose role is analysed.
        var assignments = db.RepTeamAssignments.AsNoTracking()
            .Where(a => a.FromWeek <= last && (a.ToWeek == null || a.ToWeek > from))
            .Where(a => a.Rep.IsActive && a.Rep.Role.IsAnalysed);
        if (teamId is not null)
        {
            assignments = assignments.Where(a => a.TeamId == teamId);
        }
        var repIds = assignments.Select(a => a.RepId).Distinct();
        var count = 0;
        var names = new List<string>();
        var notApproved = 0;
        if (before is null || through > before)
        {
            count = await repIds.CountAsync(cancellationToken);
            names = await db.Reps.AsNoTracking().Where(r => repIds.Contains(r.Id)).OrderBy(r => r.Name).Select(r => r.Name)
                .Take(LockPlan.NamesShown).ToListAsync(cancellationToken);
            notApproved = await db.Timesheets.AsNoTracking()
                .CountAsync(t => t.WeekStart >= from && t.WeekStart <= last && t.Status != TimesheetStatus.Approved && repIds.Contains(t.RepId), cancellationToken);
        }
        return Outcome.Done(new LockPlan(teamId, LockPeriod.Scope(teamId, teamName), through, before, count, names, notApproved));
    }

    private static async Task<Outcome<string>> LiftTextAsync(SalesSpecDbContext db, int lockId, CancellationToken cancellationToken)
    {
        var period = await db.LockPeriods.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lockId, cancellationToken);
        if (period is null)
        {
            return Outcome.NotFound<string>(AlreadyLifted);
        }
        var teamName = period.TeamId is int team ? await db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleAsync(cancellationToken) : null;
        var scope = LockPeriod.Scope(period.TeamId, teamName);
        var others = await db.LockPeriods.AsNoTracking()
            .Where(l => l.Id != lockId && (l.TeamId == null || l.TeamId == period.TeamId))
            .ToListAsync(cancellationToken);
        var still = LockPeriod.LockedThroughFor(period.TeamId is null ? others.Where(l => l.TeamId is null) : others, period.TeamId);
        var through = period.LastLockedWeek;
        if (still is { } kept && kept >= through)
        {
            return Outcome.Done($"Lifting the lock up to {through} for {scope} reopens no week: another lock still closes every week up to {kept}.");
        }
        var reopened = still is { } earlier
            ? earlier.AddWeeks(1) == through ? $"week {through}" : $"the weeks {earlier.AddWeeks(1)} – {through}"
            : $"every week up to and including {through}";
        var teamsStay = period.TeamId is null ? " Locks set for single teams stay." : "";
        return Outcome.Done($"Lifting the lock up to {through} for {scope} (set by {period.LockedBy}) reopens {reopened}; approved weeks stay approved.{teamsStay} The audit log records who lifted it.");
    }

    private static bool MayUse(MemberAccess member) => member.MayReviewSomeTeam;

    private static IsoWeek? Latest(DateOnly? a, DateOnly? b) =>
        (a, b) switch
        {
            (null, null) => null,
            (null, { } y) => IsoWeek.FromMonday(y),
            ({ } x, null) => IsoWeek.FromMonday(x),
            ({ } x, { } y) => IsoWeek.FromMonday(x > y ? x : y),
        };

    // Work first: submitted weeks wait for approval, then those not handed in.
    private static int StatusOrder(TimesheetStatus? status) => status switch
    {
        TimesheetStatus.Submitted => 0,
        TimesheetStatus.Rejected => 1,
        null => 2,
        TimesheetStatus.Draft => 3,
        _ => 4,
    };
}
