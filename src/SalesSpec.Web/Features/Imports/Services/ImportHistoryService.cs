using SalesSpec.Web.Features.Analysis.Summaries;
using SalesSpec.Web.Features.Audit;
using SalesSpec.Web.Features.Imports.History;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>
/// The imports written into an organisation, and rolling one back within <see cref="TimeLogImport.KeepDays"/>
/// days: the rep-weeks it wrote get back the rows it replaced (kept beside it), unless one of them was changed or
/// locked since — then nothing happens and the rep-weeks in the way are listed.
/// </summary>
public sealed class ImportHistoryService(OrganizationAccess access, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ImportOptions> options)
{
    /// <summary>How many imports the history shows.</summary>
    public const int Shown = 20;

    /// <summary>How many rep-weeks in the way a refusal names; the rest are counted.</summary>
    public const int BlockersNamed = 20;

    public const string Forbidden = "Only Admins, Leaders and Consultants import time logs and roll imports back.";

    /// <summary>The latest imports, newest first.</summary>
    public async Task<IReadOnlyList<ImportHistoryRow>> ListAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.MayImport)
        {
            return [];
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        // Ids grow with time, and SQLite cannot order by a DateTimeOffset.
        var imports = await db.TimeLogImports.AsNoTracking().OrderByDescending(i => i.Id).Take(Shown).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return imports.Select(i => new ImportHistoryRow(
                i.Id, i.At, i.ImportedBy, i.Summary, i.RepWeeks,
                i.FirstWeek is { } first ? IsoWeek.FromMonday(first) : null,
                i.LastWeek is { } last ? IsoWeek.FromMonday(last) : null,
                i.RolledBackAt, i.RolledBackBy, i.KeptUntil,
                i.RolledBackAt is null && now < i.KeptUntil))
            .ToList();
    }

    /// <summary>What rolling the import back would restore, or why it cannot be. Nothing changes here.</summary>
    public async Task<Outcome<string>> PlanRollbackAsync(MemberAccess member, int importId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.MayImport)
        {
            return Outcome.Forbidden<string>(Forbidden);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var (import, refused) = await CheckAsync(db, member, importId, cancellationToken);
        return refused ?? Outcome.Done(Describe(import!));
    }

    /// <summary>Rolls the import back, all or nothing, audited.</summary>
    public async Task<Outcome<string>> RollBackAsync(MemberAccess member, int importId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.MayImport)
        {
            return Outcome.Forbidden<string>(Forbidden);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        // As long as the import it undoes may take.
        db.Database.SetCommandTimeout(options.Value.CommandTimeoutSeconds);
        try
        {
            return await RollBackInTransactionAsync(db, member, importId, cancellationToken);
        }
        catch (Exception exception) when (IsHeld(exception))
        {
            return Outcome.Conflict<string>(Busy);
        }
    }

    public const string Busy =
        "An import, or a week being saved, holds some of the same reps, so nothing was rolled back. Try again when it has finished.";

    // PostgreSQL gave up waiting for the reps (lock_timeout), or SQLite for the database (busy).
    private static bool IsHeld(Exception exception) =>
        exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.LockNotAvailable }
        || exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }
        || exception.InnerException is { } inner && IsHeld(inner);

    private async Task<Outcome<string>> RollBackInTransactionAsync(SalesSpecDbContext db, MemberAccess member, int importId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sql = new TenantSql(db, member.OrganizationId);
        if (db.Database.IsNpgsql())
        {
            // An int, never input: lock_timeout takes no parameter.
            var timeout = "SET LOCAL lock_timeout = " + (Math.Max(options.Value.WaitForOtherImportSeconds, 1) * 1000).ToString(CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlRawAsync(timeout, cancellationToken);
            // The import's reps, held until the end: a week saved meanwhile waits, then meets the raised versions.
            await sql.ExecuteAsync("""
                SELECT r."Id" FROM "Reps" r
                WHERE r."OrganizationId" = {organization} AND r."Id" IN (SELECT w."RepId" FROM "ImportedRepWeeks" w WHERE w."OrganizationId" = {organization} AND w."ImportId" = {0})
                ORDER BY r."Id" FOR UPDATE
                """, cancellationToken, importId);
        }
        var (import, refused) = await CheckAsync(db, member, importId, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        const string ofImport = """EXISTS (SELECT 1 FROM "ImportedRepWeeks" k WHERE k."OrganizationId" = {organization} AND k."ImportId" = {0} AND k."RepId" = {rep} AND k."WeekStart" = {week})""";
        await sql.ExecuteAsync(
            """DELETE FROM "TimeLogs" WHERE """ + ofImport.Replace("{rep}", "\"TimeLogs\".\"RepId\"", StringComparison.Ordinal).Replace("{week}", "\"TimeLogs\".\"WeekStart\"", StringComparison.Ordinal),
            cancellationToken, importId);
        await sql.ExecuteAsync("""
            INSERT INTO "TimeLogs" ("RepId", "ActivityId", "WeekStart", "Hours")
            SELECT t."RepId", t."ActivityId", t."WeekStart", t."Hours" FROM "ReplacedTimeLogs" t
            WHERE t."OrganizationId" = {organization} AND t."ImportId" = {0}
            """, cancellationToken, importId);
        await WeeklySummaries.RefreshAsync(db, member.OrganizationId, new WeeklySummaries.RepWeeks(ofImport, importId), cancellationToken);
        // A week open in someone's browser must not be saved over the restored hours without them noticing.
        await sql.ExecuteAsync(
            """UPDATE "Timesheets" SET "Version" = "Version" + 1 WHERE """ + ofImport.Replace("{rep}", "\"Timesheets\".\"RepId\"", StringComparison.Ordinal).Replace("{week}", "\"Timesheets\".\"WeekStart\"", StringComparison.Ordinal),
            cancellationToken, importId);
        // Earlier imports of the same rep-weeks find them as they left them again: their own rollback stays possible.
        await sql.ExecuteAsync("""
            UPDATE "ImportedRepWeeks" SET "TimesheetVersion" =
                (SELECT t."Version" FROM "Timesheets" t WHERE t."RepId" = "ImportedRepWeeks"."RepId" AND t."WeekStart" = "ImportedRepWeeks"."WeekStart")
            WHERE "ImportedRepWeeks"."OrganizationId" = {organization} AND "ImportedRepWeeks"."ImportId" < {0}
              AND EXISTS (SELECT 1 FROM "ImportedRepWeeks" k WHERE k."OrganizationId" = {organization} AND k."ImportId" = {0}
                          AND k."RepId" = "ImportedRepWeeks"."RepId" AND k."WeekStart" = "ImportedRepWeeks"."WeekStart")
            """, cancellationToken, importId);
        await WeeklySummaries.RaiseVersionAsync(db, member.OrganizationId, cancellationToken);

        var now = clock.GetUtcNow();
        var name = await NameOfAsync(db, member, cancellationToken);
        var tracked = await db.TimeLogImports.SingleAsync(i => i.Id == importId, cancellationToken);
        tracked.RolledBackAt = now;
        tracked.RolledBackBy = name;
        var text = Describe(import!);
        db.AuditEntries.Add(new AuditEntry
        {
            OrganizationId = member.OrganizationId,
            UserId = member.UserId,
            At = now,
            Action = "RolledBack",
            EntityType = "TimeLogs",
            EntityId = importId.ToString(CultureInfo.InvariantCulture),
            Summary = $"rolled back the import of {Stamp(import!.At)} by {import.ImportedBy} ({import.RepWeeks:N0} rep-week{(import.RepWeeks == 1 ? "" : "s")} restored as they were before it)",
        });
        await db.SaveChangesAsync(cancellationToken);
        // Restored: what was kept for it is no longer needed.
        await db.ReplacedTimeLogs.Where(t => t.ImportId == importId).ExecuteDeleteAsync(cancellationToken);
        await db.ImportedRepWeeks.Where(w => w.ImportId == importId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(text);
    }

    /// <summary>Drops what was kept for imports older than the keeping time (called by each import).</summary>
    public static async Task DropExpiredAsync(SalesSpecDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cutoff = now.AddDays(-TimeLogImport.KeepDays);
        // A handful of rows per organisation: compared here, as SQLite cannot compare a DateTimeOffset.
        var imports = await db.TimeLogImports.AsNoTracking().Where(i => i.RolledBackAt == null).Select(i => new { i.Id, i.At }).ToListAsync(cancellationToken);
        var expired = imports.Where(i => i.At < cutoff).Select(i => i.Id).ToList();
        if (expired.Count == 0)
        {
            return;
        }
        await db.ReplacedTimeLogs.Where(t => expired.Contains(t.ImportId)).ExecuteDeleteAsync(cancellationToken);
        await db.ImportedRepWeeks.Where(w => expired.Contains(w.ImportId)).ExecuteDeleteAsync(cancellationToken);
    }

    internal static async Task<string> NameOfAsync(SalesSpecDbContext db, MemberAccess member, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == member.UserId).Select(u => u.DisplayName ?? u.Email).SingleOrDefaultAsync(cancellationToken) ?? "someone";

    private async Task<(TimeLogImport? Import, Outcome<string>? Refused)> CheckAsync(
        SalesSpecDbContext db, MemberAccess member, int importId, CancellationToken cancellationToken)
    {
        var import = await db.TimeLogImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return (null, Outcome.NotFound<string>("There is no such import in this organisation."));
        }
        if (import.RolledBackAt is { } at)
        {
            return (null, Outcome.Conflict<string>($"This import was rolled back already, by {import.RolledBackBy} on {Stamp(at)}."));
        }
        if (clock.GetUtcNow() >= import.KeptUntil)
        {
            return (null, Outcome.Conflict<string>(
                $"This import is more than {TimeLogImport.KeepDays} days old (imported {Stamp(import.At)}), and what it replaced is no longer kept. Import a corrected file instead."));
        }
        var blockers = await BlockersAsync(new TenantSql(db, member.OrganizationId), importId, cancellationToken);
        if (blockers.Count > 0)
        {
            var named = string.Join("; ", blockers.Take(BlockersNamed));
            var more = blockers.Count > BlockersNamed ? $"; and {blockers.Count - BlockersNamed:N0} more" : "";
            return (null, Outcome.Conflict<string>(
                $"Nothing was rolled back: {blockers.Count:N0} of the rep-weeks this import wrote were changed or locked since, and rolling back would undo that work. {named}{more}. Reopen or correct those weeks by hand, or import a corrected file."));
        }
        return (import, null);
    }

    /// <summary>The import's rep-weeks whose timesheet changed since (saved, submitted, approved, imported again), or that a lock now covers.</summary>
    private static async Task<List<RollbackBlocker>> BlockersAsync(TenantSql sql, int importId, CancellationToken cancellationToken)
    {
        var changed = await sql.Query<RollbackBlocker>("""
            SELECT w."RepId" AS "RepId", r."Name" AS "Name", w."WeekStart" AS "WeekStart",
                   CASE WHEN t."Status" = 'Approved' THEN 'approved since' ELSE 'changed since' END AS "Reason"
            FROM "ImportedRepWeeks" w
            JOIN "Reps" r ON r."Id" = w."RepId" AND r."OrganizationId" = {organization}
            LEFT JOIN "Timesheets" t ON t."RepId" = w."RepId" AND t."WeekStart" = w."WeekStart"
            WHERE w."OrganizationId" = {organization} AND w."ImportId" = {0}
              AND ((t."Id" IS NULL AND w."TimesheetVersion" IS NOT NULL) OR (t."Id" IS NOT NULL AND (w."TimesheetVersion" IS NULL OR t."Version" <> w."TimesheetVersion")))
            """, importId).ToListAsync(cancellationToken);
        // A later import that still holds the week: rolling this one back would wipe it (a week with no timesheet has no version to tell).
        var reimported = await sql.Query<RollbackBlocker>("""
            SELECT w."RepId" AS "RepId", r."Name" AS "Name", w."WeekStart" AS "WeekStart", 'imported again since' AS "Reason"
            FROM "ImportedRepWeeks" w
            JOIN "Reps" r ON r."Id" = w."RepId" AND r."OrganizationId" = {organization}
            WHERE w."OrganizationId" = {organization} AND w."ImportId" = {0}
              AND EXISTS (SELECT 1 FROM "ImportedRepWeeks" n WHERE n."OrganizationId" = {organization} AND n."RepId" = w."RepId" AND n."WeekStart" = w."WeekStart" AND n."ImportId" > w."ImportId")
            """, importId).ToListAsync(cancellationToken);
        var locked = await sql.Query<RollbackBlocker>("""
            SELECT DISTINCT w."RepId" AS "RepId", r."Name" AS "Name", w."WeekStart" AS "WeekStart", 'locked since' AS "Reason"
            FROM "ImportedRepWeeks" w
            JOIN "Reps" r ON r."Id" = w."RepId" AND r."OrganizationId" = {organization}
            LEFT JOIN "RepTeamAssignments" a ON a."RepId" = w."RepId" AND a."FromWeek" <= w."WeekStart" AND (a."ToWeek" IS NULL OR w."WeekStart" < a."ToWeek")
            WHERE w."OrganizationId" = {organization} AND w."ImportId" = {0}
              AND EXISTS (SELECT 1 FROM "LockPeriods" l WHERE l."OrganizationId" = {organization} AND (l."TeamId" IS NULL OR l."TeamId" = a."TeamId") AND w."WeekStart" <= l."LockedThrough")
            """, importId).ToListAsync(cancellationToken);
        // One reason per rep-week, the first found: changed, then imported again, then locked.
        return changed.Concat(reimported).Concat(locked)
            .DistinctBy(b => (b.RepId, b.WeekStart))
            .OrderBy(b => b.WeekStart).ThenBy(b => b.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static string Describe(TimeLogImport import)
    {
        var span = import.FirstWeek is { } first && import.LastWeek is { } last
            ? first == last ? $" in {IsoWeek.FromMonday(first)}" : $" in {IsoWeek.FromMonday(first)} – {IsoWeek.FromMonday(last)}"
            : "";
        var empty = import.RepWeeks - import.RepWeeksWithEarlierData;
        var one = import.RepWeeks == 1;
        var restored = (import.RepWeeksWithEarlierData, empty) switch
        {
            (0, _) => one ? "it had no hours before, so it becomes empty again" : "none of them had hours before, so they all become empty again",
            (_, 0) => one ? "it gets back the hours it had before" : "each gets back the hours it had before",
            _ => $"{import.RepWeeksWithEarlierData:N0} get back the hours they had before and {empty:N0} become empty again",
        };
        var what = one ? "the rep-week" : $"the {import.RepWeeks:N0} rep-weeks";
        return $"Rolling back the import of {Stamp(import.At)} by {import.ImportedBy} restores {what} it wrote{span}: {restored}. Reps and teams it created stay (archive them on People if they should go). The audit log records the rollback.";
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
