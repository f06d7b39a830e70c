using FluentValidation;
using SalesSpec.Domain.Timesheets;
using SalesSpec.Web.Features.Analysis.Summaries;
using SalesSpec.Web.Features.Audit;

namespace SalesSpec.Web.Features.Catalogue.Services;

/// <summary>
/// The activity catalogue of an organisation: its order, names and functions, and the hours each activity
/// took lately (summed in the database). Admins change it; whoever sees the whole organisation reads it.
/// </summary>
public sealed class CatalogueService(
    OrganizationAccess access,
    IValidator<NewActivity> newValidator,
    IValidator<ActivityPatch> patchValidator,
    TimeProvider clock)
{
    public const int RecentWeeks = 12;

    public const string NotAllowed = "Only an Admin changes the activity catalogue.";

    public const string NotAllowedToRead = "The activity catalogue is for those who see the whole organisation.";

    /// <summary>
    /// The last <see cref="RecentWeeks"/> complete weeks, as the analysis takes them by default: weeks of the
    /// organisation's time zone, so that both pages end on the same week.
    /// </summary>
    public (IsoWeek From, IsoWeek To) RecentPeriod(MemberAccess member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var lastWeek = member.ThisWeek(clock).AddWeeks(-1);
        return (lastWeek.AddWeeks(-(RecentWeeks - 1)), lastWeek);
    }

    public async Task<Outcome<CatalogueView>> ViewAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.May(Permission.ManageCatalogue) && !member.SeesWholeOrganization)
        {
            return Outcome.Forbidden<CatalogueView>(NotAllowedToRead);
        }
        var (from, to) = RecentPeriod(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        // One row per activity, summed by the database: never the time-log rows themselves.
        var hours = await db.TimeLogs
            .Where(t => t.WeekStart >= from.Monday && t.WeekStart <= to.Monday)
            .GroupBy(t => t.ActivityId)
            .Select(g => new { ActivityId = g.Key, Hours = g.Sum(t => t.Hours) })
            .ToDictionaryAsync(g => g.ActivityId, g => g.Hours, cancellationToken);
        var activities = await db.Activities.AsNoTracking().ToListAsync(cancellationToken);
        var rows = activities
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => Row(a, hours.GetValueOrDefault(a.Id)))
            .ToList();
        return Outcome.Done(new CatalogueView(from.ToString(), to.ToString(), rows, member.May(Permission.ManageCatalogue)));
    }

    /// <summary>Adds an activity at the end of the catalogue.</summary>
    public async Task<Outcome<CatalogueRow>> AddAsync(MemberAccess member, NewActivity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(activity);
        if (Refusal(member) is { } refused)
        {
            return refused;
        }
        var check = await newValidator.CheckAsync(activity, cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<CatalogueRow>();
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.Include(o => o.Activities).SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return Outcome.NotFound<CatalogueRow>("This organisation does not exist any more.");
        }
        Activity added;
        try
        {
            added = organization.AddActivity(activity.Name, activity.Function);
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<CatalogueRow>(e.Message);
        }
        return await SaveAsync(db, added.Name, cancellationToken) ?? Outcome.Done(Row(added, 0m));
    }

    /// <summary>
    /// Renames, moves, archives or restores an activity, or changes its function (for every week, or from a week
    /// on through a successor), unless someone changed the activity since <see cref="ActivityPatch.Version"/>.
    /// </summary>
    public async Task<Outcome<CatalogueRow>> ChangeAsync(MemberAccess member, int activityId, ActivityPatch patch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(patch);
        if (Refusal(member) is { } refused)
        {
            return refused;
        }
        var check = await patchValidator.CheckAsync(patch, cancellationToken);
        if (!check.Succeeded)
        {
            return check.As<CatalogueRow>();
        }
        var version = patch.Version!.Value;
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.Include(o => o.Activities).SingleOrDefaultAsync(cancellationToken);
        var activity = organization?.Activities.SingleOrDefault(a => a.Id == activityId);
        if (organization is null || activity is null)
        {
            return Outcome.NotFound<CatalogueRow>($"There is no activity {activityId} in this organisation's catalogue.");
        }
        if (activity.Version != version)
        {
            return Outcome.Conflict<CatalogueRow>(Stale(activity, version));
        }
        if (patch.StartsSuccessor)
        {
            return await StartSuccessorAsync(db, member, organization, activity, patch, cancellationToken);
        }
        try
        {
            if (patch.Name is { } name && name.Trim() != activity.Name)
            {
                organization.RenameActivity(activity, name);
            }
            if (patch.Function is { } function && function != activity.Function)
            {
                activity.ChangeFunction(function);
            }
            if (patch.Archived is { } archived && archived != activity.IsArchived)
            {
                if (archived)
                {
                    activity.Archive();
                }
                else
                {
                    activity.Restore();
                }
            }
            if (patch.SortOrder is { } position && position != activity.SortOrder)
            {
                organization.MoveActivity(activity, position);
            }
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<CatalogueRow>(e.Message);
        }
        // The database checks the version too, so a save racing this one cannot slip between the check and the write.
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        return await SaveAsync(db, activity.Name, cancellationToken, () => Stale(activity, version))
            ?? Outcome.Done(Row(activity, await HoursAsync(db, member, activity.Id, cancellationToken)));
    }

    /// <summary>
    /// The activity is archived and a successor with the new function takes its place; its time logs from the
    /// week on move to the successor in one statement, so earlier weeks still count where they did.
    /// </summary>
    private async Task<Outcome<CatalogueRow>> StartSuccessorAsync(
        SalesSpecDbContext db, MemberAccess member, Organization organization, Activity activity, ActivityPatch patch, CancellationToken cancellationToken)
    {
        var from = IsoWeek.Parse(patch.FromWeek!);
        var moving = db.TimeLogs.Where(t => t.ActivityId == activity.Id && t.WeekStart >= from.Monday);
        if (await ClosedWeekAsync(db, moving, cancellationToken) is { } closed)
        {
            return Outcome.Invalid<CatalogueRow>(closed);
        }
        Activity successor;
        try
        {
            successor = organization.ReplaceActivity(activity, patch.Function!.Value, from, patch.SuccessorName);
        }
        catch (DomainRuleException e)
        {
            return Outcome.Invalid<CatalogueRow>(e.Message);
        }
        var version = patch.Version!.Value;
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await SaveAsync(db, successor.Name, cancellationToken, () => Stale(activity, version)) is { } failed)
        {
            return failed;
        }
        var moved = await moving.ExecuteUpdateAsync(s => s.SetProperty(t => t.ActivityId, successor.Id), cancellationToken);
        // The moved hours now count for the successor's function: their weeks are summed again.
        await WeeklySummaries.RefreshAsync(db, member.OrganizationId, WeeklySummaries.RepWeeks.WithActivity(successor.Id), cancellationToken);
        await WeeklySummaries.RaiseVersionAsync(db, member.OrganizationId, cancellationToken);
        // The statement above bypasses the change tracker, so the audit log is told in words.
        db.AuditEntries.Add(new AuditEntry
        {
            OrganizationId = member.OrganizationId,
            UserId = member.UserId,
            At = clock.GetUtcNow(),
            Action = "Changed",
            EntityType = nameof(Activity),
            EntityId = activity.Id.ToString(CultureInfo.InvariantCulture),
            Summary = $"changed the function of {Labels.OfActivity(activity.Name)}: it counts for {Labels.Of(successor.Function).ToLowerInvariant()} from {from} on as {successor.Name}; " +
                      $"{moved:N0} time-log rows moved to it",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(Row(successor, await HoursAsync(db, member, successor.Id, cancellationToken)));
    }

    /// <summary>Moving hours of an approved or closed week would change figures already signed off; imports refuse those weeks too.</summary>
    private static async Task<string?> ClosedWeekAsync(SalesSpecDbContext db, IQueryable<Domain.TimeLogs.TimeLog> moving, CancellationToken cancellationToken)
    {
        var approved = await moving
            .Where(t => db.Timesheets.Any(s => s.RepId == t.RepId && s.WeekStart == t.WeekStart && s.Status == TimesheetStatus.Approved))
            .OrderBy(t => t.WeekStart).ThenBy(t => t.Rep.Name)
            .Select(t => new { t.WeekStart, t.Rep.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (approved is not null)
        {
            return $"{approved.Name}'s week {IsoWeek.FromMonday(approved.WeekStart)} is approved and has hours on this activity; " +
                   "choose a later week, or ask a manager to reopen that week first.";
        }
        var first = await moving.Select(t => (DateOnly?)t.WeekStart).MinAsync(cancellationToken);
        if (first is null)
        {
            return null;
        }
        var locks = await db.LockPeriods.AsNoTracking().Where(l => l.LockedThrough >= first.Value).ToListAsync(cancellationToken);
        foreach (var period in locks.OrderByDescending(l => l.LockedThrough))
        {
            var teamId = period.TeamId;
            var hit = await moving
                .Where(t => t.WeekStart <= period.LockedThrough && (teamId == null
                    || db.RepTeamAssignments.Any(a => a.RepId == t.RepId && a.TeamId == teamId && a.FromWeek <= t.WeekStart && (a.ToWeek == null || a.ToWeek > t.WeekStart))))
                .OrderBy(t => t.WeekStart).ThenBy(t => t.Rep.Name)
                .Select(t => new { t.WeekStart, t.Rep.Name })
                .FirstOrDefaultAsync(cancellationToken);
            if (hit is not null)
            {
                return $"Weeks up to {period.LastLockedWeek} are closed (by {period.LockedBy}), and {hit.Name}'s week {IsoWeek.FromMonday(hit.WeekStart)} " +
                       "has hours on this activity; choose a week after the closed period.";
            }
        }
        return null;
    }

    private static async Task<Outcome<CatalogueRow>?> SaveAsync(SalesSpecDbContext db, string name, CancellationToken cancellationToken, Func<string>? stale = null)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict<CatalogueRow>(stale?.Invoke() ?? "Someone else changed the catalogue meanwhile; reload and try again.");
        }
        catch (DbUpdateException)
        {
            // The unique index caught a name added at the same moment by someone else (it ignores case only here).
            return Outcome.Invalid<CatalogueRow>($"There is already an activity named '{name}'.");
        }
    }

    private async Task<decimal> HoursAsync(SalesSpecDbContext db, MemberAccess member, int activityId, CancellationToken cancellationToken)
    {
        var (from, to) = RecentPeriod(member);
        return await db.TimeLogs.Where(t => t.ActivityId == activityId && t.WeekStart >= from.Monday && t.WeekStart <= to.Monday)
            .GroupBy(t => t.ActivityId)
            .Select(g => g.Sum(t => t.Hours))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static CatalogueRow Row(Activity a, decimal hours) =>
        new(a.Id, a.Name, Labels.OfActivity(a.Name), a.Function, a.IsCatchAll, a.IsArchived, a.SortOrder, hours, a.Version);

    private static string Stale(Activity activity, int read) =>
        $"Someone else changed {Labels.OfActivity(activity.Name)} meanwhile (yours was version {read}). Reload to see their change, then make yours again.";

    private static Outcome<CatalogueRow>? Refusal(MemberAccess member) =>
        member.May(Permission.ManageCatalogue) ? null
        : member.IsArchived && Permissions.Allows(member.Role, Permission.ManageCatalogue)
            ? Outcome.Forbidden<CatalogueRow>($"{member.OrganizationName} is archived: restore it before changing anything.")
            : Outcome.Forbidden<CatalogueRow>(NotAllowed);
}
