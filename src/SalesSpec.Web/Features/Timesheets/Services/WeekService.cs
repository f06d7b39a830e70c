using FluentValidation;
using FluentValidation.Results;
using SalesSpec.Domain.TimeLogs;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Features.Notifications.Services;

namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>
/// One rep's week: read it, save it, submit it, and review it. Every rule about who may do what
/// and when a week is closed lives here, so the page and the API cannot disagree.
/// </summary>
public sealed class WeekService(OrganizationAccess access, IValidator<WeekEntry> validator, TimeProvider clock)
{
    /// <summary>Activities unused for this many weeks are folded away on the page.</summary>
    public const int RecentWeeks = 8;

    public const string ConflictMessage =
        "This week was changed somewhere else (another tab, or your manager) after you opened it. Reload to see the latest version.";

    /// <summary>This week in the member's organisation, whose time zone decides when a week starts.</summary>
    public IsoWeek CurrentWeek(MemberAccess member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.ThisWeek(clock);
    }

    /// <summary>The week the team week opens on: the last complete one until Wednesday, in the organisation's time zone.</summary>
    public IsoWeek ReviewWeek(MemberAccess member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Domain.Timesheets.ReviewWeek.For(member.Today(clock));
    }

    public async Task<Outcome<WeekView>> GetAsync(MemberAccess member, int repId, IsoWeek week, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var rep = await FindRepAsync(db, member, repId, week, cancellationToken);
        return rep.Problem is { } problem ? problem : Outcome.Done(await ViewAsync(db, member, rep.Rep!, week, cancellationToken));
    }

    /// <summary>
    /// Replaces the rep's hours for the week with the entry, as a draft, and submits it when asked.
    /// <paramref name="expectedVersion"/> is the version the caller read (null for a week never saved).
    /// </summary>
    public async Task<Outcome<WeekView>> SaveAsync(
        MemberAccess member, int repId, IsoWeek week, WeekEntry entry, int? expectedVersion, bool submit = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(entry);
        var validation = await validator.ReviewAsync(entry, cancellationToken);
        if (validation.Errors.Any(e => e.Severity == Severity.Error))
        {
            return Outcome.Invalid<WeekView>("The week has errors; nothing was saved.") with { Findings = validation.Errors };
        }

        await using var db = await access.OpenAsync(member, cancellationToken);
        var (rep, problem) = await FindRepAsync(db, member, repId, week, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var catalogue = await db.Activities.AsNoTracking().Select(a => new { a.Id, a.Name, a.IsArchived }).ToListAsync(cancellationToken);
        var activityIds = catalogue.Select(a => a.Id).ToHashSet();
        if (entry.Lines.FirstOrDefault(l => !activityIds.Contains(l.ActivityId)) is { } unknown)
        {
            return Outcome.Invalid<WeekView>($"Activity {unknown.ActivityId} is not in this organisation's catalogue.");
        }
        var (sheet, isNew, refused) = await OpenSheetAsync(db, rep!, week, expectedVersion, checkApprovalLock: true, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        if (!isNew)
        {
            // The update is made conditional on the version read: a concurrent save finds 0 rows and fails.
            sheet!.RecordEdit(now);
        }

        var wanted = entry.Lines.ToDictionary(l => l.ActivityId, entry.HoursOf);
        var existing = await db.TimeLogs.Where(t => t.RepId == repId && t.WeekStart == week.Monday).ToListAsync(cancellationToken);
        if (TypedTooFinely(entry, existing) is { Count: > 0 } tooFine)
        {
            return Outcome.Invalid<WeekView>("The week has errors; nothing was saved.") with { Findings = tooFine };
        }
        var archived = catalogue.Where(a => a.IsArchived);
        if (archived.FirstOrDefault(a => wanted.GetValueOrDefault(a.Id) > 0m && existing.All(e => e.ActivityId != a.Id)) is { } retired)
        {
            return Outcome.Invalid<WeekView>($"'{Domain.Organizations.Labels.OfActivity(retired.Name)}' is archived: log the hours on another activity.");
        }
        foreach (var log in existing)
        {
            if (wanted.TryGetValue(log.ActivityId, out var hours) && hours > 0m)
            {
                if (log.Hours != hours)
                {
                    log.ChangeHours(hours);
                }
            }
            else
            {
                db.TimeLogs.Remove(log);
            }
        }
        foreach (var (activityId, hours) in wanted.Where(w => w.Value > 0m && existing.All(e => e.ActivityId != w.Key)))
        {
            db.TimeLogs.Add(TimeLog.Create(repId, activityId, week, hours));
        }
        if (submit)
        {
            sheet!.Submit(now);
        }

        if (await TrySaveAsync(db, member.OrganizationId, rep!.Id, isNew, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return Outcome.Done(await ViewAsync(db, member, rep!, week, cancellationToken)) with { Findings = validation.Errors };
    }

    /// <summary>
    /// Hours a person types have at most two decimals (as on the page, where "1.123" is refused at the cell, not
    /// rounded). Stored hours keep four — a CRM import's or a percentage's — so a line sent back unchanged passes.
    /// </summary>
    private static List<ValidationFailure> TypedTooFinely(WeekEntry entry, List<TimeLog> existing)
    {
        var failures = new List<ValidationFailure>();
        if (entry.Mode != EntryMode.Hours)
        {
            return failures;
        }
        for (var i = 0; i < entry.Lines.Count; i++)
        {
            var line = entry.Lines[i];
            if (line.Value is decimal value && decimal.Round(value, TypedNumber.MaxTypedDecimals) != value
                && existing.FirstOrDefault(e => e.ActivityId == line.ActivityId)?.Hours != value)
            {
                failures.Add(new ValidationFailure($"Lines[{i}].Value",
                    $"{line.Activity}: at most {TypedNumber.MaxTypedDecimals} decimals: 7.55, not {value.ToString(CultureInfo.InvariantCulture)}."));
            }
        }
        return failures;
    }

    /// <summary>Submits the week as saved. A week never saved is submitted empty (e.g. a week off).</summary>
    public Task<Outcome<WeekView>> SubmitAsync(MemberAccess member, int repId, IsoWeek week, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(member, repId, week, expectedVersion, mayReviewOnly: false, (sheet, _, now) =>
        {
            sheet.Submit(now);
            return null;
        }, cancellationToken);

    public Task<Outcome<WeekView>> ApproveAsync(MemberAccess member, int repId, IsoWeek week, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(member, repId, week, expectedVersion, mayReviewOnly: true, (sheet, reviewer, now) =>
        {
            sheet.Approve(reviewer, now);
            return null;
        }, cancellationToken);

    /// <summary>Sends the week back to the rep with a comment, which they see on the week and as a notification.</summary>
    public Task<Outcome<WeekView>> RejectAsync(
        MemberAccess member, int repId, IsoWeek week, int? expectedVersion, string comment, CancellationToken cancellationToken = default) =>
        ChangeAsync(member, repId, week, expectedVersion, mayReviewOnly: true, (sheet, reviewer, now) =>
        {
            sheet.Reject(reviewer, comment, now);
            return new Notification
            {
                Kind = NotificationKind.WeekSentBack,
                RepId = repId,
                Message = Shorten($"{reviewer} sent week {week} back: {sheet.ReviewComment}"),
                CreatedAt = now,
            };
        }, cancellationToken);

    /// <summary>Takes back an approval so the week can be corrected (not inside a lock period).</summary>
    public Task<Outcome<WeekView>> ReopenAsync(MemberAccess member, int repId, IsoWeek week, int? expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeAsync(member, repId, week, expectedVersion, mayReviewOnly: true, (sheet, _, now) =>
        {
            sheet.Reopen(now);
            return null;
        }, cancellationToken, checkApprovalLock: false);

    /// <summary>
    /// The rep's hours per activity averaged over the given weeks that have any hours (a week off does
    /// not halve the average) — "copy last week" is the one-week case. Nothing is saved.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, decimal>?> AverageHoursAsync(
        MemberAccess member, int repId, IsoWeek from, IsoWeek to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        if ((await FindRepAsync(db, member, repId, to, cancellationToken)).Problem is not null)
        {
            return null;
        }
        var sums = await db.TimeLogs
            .Where(t => t.RepId == repId && t.WeekStart >= from.Monday && t.WeekStart <= to.Monday && t.Hours > 0m)
            .GroupBy(t => t.ActivityId)
            .Select(g => new { ActivityId = g.Key, Hours = g.Sum(t => t.Hours) })
            .ToListAsync(cancellationToken);
        var weeks = await db.TimeLogs
            .Where(t => t.RepId == repId && t.WeekStart >= from.Monday && t.WeekStart <= to.Monday && t.Hours > 0m)
            .Select(t => t.WeekStart).Distinct().CountAsync(cancellationToken);
        return weeks == 0
            ? new Dictionary<int, decimal>()
            : sums.ToDictionary(s => s.ActivityId, s => decimal.Round(s.Hours / weeks, 2, MidpointRounding.AwayFromZero));
    }

    private async Task<Outcome<WeekView>> ChangeAsync(
        MemberAccess member,
        int repId,
        IsoWeek week,
        int? expectedVersion,
        bool mayReviewOnly,
        Func<Timesheet, string, DateTimeOffset, Notification?> change,
        CancellationToken cancellationToken,
        bool checkApprovalLock = true)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var (rep, problem) = await FindRepAsync(db, member, repId, week, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        if (mayReviewOnly && !member.MayReview(rep!.TeamId))
        {
            return Outcome.Forbidden<WeekView>("Only the rep's manager, a Leader or an Admin reviews this week.");
        }
        if (mayReviewOnly && member.RepId == repId)
        {
            return Outcome.Forbidden<WeekView>("Nobody reviews their own week: another manager, a Leader or an Admin does.");
        }
        var (sheet, isNew, refused) = await OpenSheetAsync(db, rep!, week, expectedVersion, checkApprovalLock, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        try
        {
            var reviewer = await ReviewerNameAsync(db, member, cancellationToken);
            if (change(sheet!, reviewer, now) is { } notification)
            {
                notification.OrganizationId = member.OrganizationId;
                notification.Link = WeekLinks.MyWeek(member.OrganizationId, week);
                db.Notifications.Add(notification);
            }
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<WeekView>(e.Message);
        }
        if (await TrySaveAsync(db, member.OrganizationId, rep!.Id, isNew, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return Outcome.Done(await ViewAsync(db, member, rep!, week, cancellationToken));
    }

    /// <summary>
    /// The week's timesheet, tracked for a change: refused when the week is locked or was changed
    /// since <paramref name="expectedVersion"/>; a new draft (added, not saved) for a week never saved.
    /// </summary>
    private async Task<(Timesheet? Sheet, bool IsNew, Outcome<WeekView>? Refused)> OpenSheetAsync(
        SalesSpecDbContext db, RepSummary rep, IsoWeek week, int? expectedVersion, bool checkApprovalLock, CancellationToken cancellationToken)
    {
        var sheet = await db.Timesheets.SingleOrDefaultAsync(t => t.RepId == rep.Id && t.WeekStart == week.Monday, cancellationToken);
        if (await LockReasonAsync(db, rep, week, checkApprovalLock ? sheet : null, cancellationToken) is { } locked)
        {
            return (null, false, Outcome.Locked<WeekView>(locked));
        }
        if (sheet?.Version != expectedVersion)
        {
            return (null, false, Outcome.Conflict<WeekView>(ConflictMessage));
        }
        if (sheet is not null)
        {
            return (sheet, false, null);
        }
        var started = Timesheet.Start(rep.Id, week, clock.GetUtcNow());
        db.Timesheets.Add(started);
        return (started, true, null);
    }

    /// <summary>How long a save waits for an import that holds the rep (on PostgreSQL) before it gives up with a conflict.</summary>
    public static readonly TimeSpan WaitForImport = TimeSpan.FromSeconds(5);

    public const string ImportRunningMessage =
        "An import of this rep's weeks is running, so the week was not saved. Try again in a minute; the import may have changed it.";

    private static async Task<Outcome<WeekView>?> TrySaveAsync(SalesSpecDbContext db, int organizationId, int repId, bool isNew, CancellationToken cancellationToken)
    {
        try
        {
            if (!db.Database.IsNpgsql())
            {
                // SQLite: a write waits for the import's write transaction like any other writer.
                await db.SaveChangesAsync(cancellationToken);
                return null;
            }
            // An import locks its reps (FOR UPDATE) for its merge. A save shares the rep's row: saves of one rep
            // do not wait for each other, and a save during an import of that rep waits a little, then says why.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // One round trip for both: the timeout applies to the lock taken right after it.
            var timeout = "SET LOCAL lock_timeout = " + ((int)WaitForImport.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await new TenantSql(db, organizationId).ExecuteAsync(
                $$"""{{timeout}}; SELECT 1 FROM "Reps" WHERE "Id" = {0} AND "OrganizationId" = {{TenantSql.Organization}} FOR SHARE""", cancellationToken, repId);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (Exception exception) when (DbErrors.IsLockTimeout(exception))
        {
            return Outcome.Conflict<WeekView>(ImportRunningMessage);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict<WeekView>(ConflictMessage);
        }
        catch (DbUpdateException exception) when (isNew || Data.DbErrors.IsUniqueViolation(exception))
        {
            // Two first saves of the same week, or two saves that add the same activity to it: a unique index
            // lets only one in, and the other is told to reload, as with any edit conflict.
            return Outcome.Conflict<WeekView>(ConflictMessage);
        }
    }

    /// <summary>The rep with the team they were in during <paramref name="week"/>: that team's manager, and its locks, apply to the week.</summary>
    private static async Task<(RepSummary? Rep, Outcome<WeekView>? Problem)> FindRepAsync(
        SalesSpecDbContext db, MemberAccess member, int repId, IsoWeek week, CancellationToken cancellationToken)
    {
        var monday = week.Monday;
        var rep = await db.Reps.AsNoTracking().Where(r => r.Id == repId)
            .Select(r => new
            {
                r.Id,
                r.Name,
                Role = r.Role.Name,
                r.Role.CoreWorkload,
                r.Fte,
                r.Organization.StandardWeeklyHours,
                InWeek = r.TeamAssignments.Where(a => a.FromWeek <= monday && (a.ToWeek == null || a.ToWeek > monday))
                    .Select(a => new { a.TeamId, Team = a.Team == null ? null : a.Team.Name }).FirstOrDefault(),
            })
            .Select(r => new RepSummary(r.Id, r.Name, r.InWeek == null ? null : r.InWeek.TeamId, r.InWeek == null ? null : r.InWeek.Team, r.Role, r.CoreWorkload, r.Fte, r.StandardWeeklyHours))
            .SingleOrDefaultAsync(cancellationToken);
        if (rep is null)
        {
            return (null, Outcome.NotFound<WeekView>("There is no such rep in this organisation."));
        }
        if (!member.MayEnterWeekOf(rep.Id, rep.TeamId))
        {
            return (null, Outcome.Forbidden<WeekView>("You can only see and enter your own week, or the weeks of the teams you manage."));
        }
        return (rep, null);
    }

    private static async Task<string?> LockReasonAsync(SalesSpecDbContext db, RepSummary rep, IsoWeek week, Timesheet? sheet, CancellationToken cancellationToken)
    {
        var locks = await db.LockPeriods.AsNoTracking()
            .Where(l => (l.TeamId == null || l.TeamId == rep.TeamId) && l.LockedThrough >= week.Monday)
            .ToListAsync(cancellationToken);
        return LockPeriod.LockReason(week, sheet, locks, rep.TeamId, rep.Team);
    }

    private static async Task<string> ReviewerNameAsync(SalesSpecDbContext db, MemberAccess member, CancellationToken cancellationToken)
    {
        var user = await db.Users.Where(u => u.Id == member.UserId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        return user?.DisplayName ?? user?.Email ?? "A reviewer";
    }

    private static async Task<WeekView> ViewAsync(SalesSpecDbContext db, MemberAccess member, RepSummary rep, IsoWeek week, CancellationToken cancellationToken)
    {
        var sheet = await db.Timesheets.AsNoTracking().SingleOrDefaultAsync(t => t.RepId == rep.Id && t.WeekStart == week.Monday, cancellationToken);
        var lockReason = await LockReasonAsync(db, rep, week, sheet, cancellationToken);
        // The week's hours and the activities of the recent weeks, from one read of the rep's recent logs.
        var recentFrom = week.AddWeeks(-RecentWeeks).Monday;
        var logs = await db.TimeLogs.AsNoTracking()
            .Where(t => t.RepId == rep.Id && t.WeekStart >= recentFrom && t.WeekStart <= week.Monday)
            .Select(t => new { t.ActivityId, t.WeekStart, t.Hours })
            .ToListAsync(cancellationToken);
        var hours = logs.Where(t => t.WeekStart == week.Monday).ToDictionary(t => t.ActivityId, t => t.Hours);
        var recent = logs.Where(t => t.Hours > 0m).Select(t => t.ActivityId).ToHashSet();
        // Archived activities are offered no more, but a week that has hours on one still shows them.
        var withHours = hours.Keys.ToList();
        var activities = await db.Activities.AsNoTracking()
            .Where(a => !a.IsArchived || withHours.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Function, a.IsCatchAll, a.SortOrder })
            .ToListAsync(cancellationToken);
        var rows = activities
            .OrderBy(a => a.Function).ThenBy(a => a.IsCatchAll).ThenBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new WeekActivity(a.Id, a.Name, a.Function, a.IsCatchAll, hours.TryGetValue(a.Id, out var h) ? h : null, recent.Contains(a.Id)))
            .ToList();
        return new WeekView(
            rep.Id, rep.Name, rep.TeamId, rep.Team, rep.Role, rep.CoreWorkload, rep.Fte, week,
            sheet?.Status, sheet?.Version, lockReason, sheet?.SubmittedAt, sheet?.ReviewedBy, sheet?.ReviewedAt, sheet?.ReviewComment,
            decimal.Round(rep.StandardWeeklyHours * rep.Fte, 4), rows, member.RepId == rep.Id, member.MayReview(rep.TeamId));
    }

    private static string Shorten(string text) =>
        text.Length <= Notification.MaxMessageLength ? text : text[..(Notification.MaxMessageLength - 1)] + "…";

    private sealed record RepSummary(
        int Id, string Name, int? TeamId, string? Team, string Role, Domain.Organizations.Workload CoreWorkload, decimal Fte, decimal StandardWeeklyHours);
}
