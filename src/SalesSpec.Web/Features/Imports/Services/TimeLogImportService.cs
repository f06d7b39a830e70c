using System.Text;
using SalesSpec.Formats.TimeLogCsv;
using SalesSpec.Web.Features.Analysis.Summaries;
using SalesSpec.Web.Features.Audit;
using SalesSpec.Web.Features.Imports.History;
using SalesSpec.Web.Features.Telemetry;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>
/// Imports a time-log CSV (formats.md §1) into an organisation: all or nothing, idempotent per
/// (rep, week). The file is read once, as a stream; good lines go into a staging table inside one
/// transaction; checks that need the database (locked weeks) run on that table; then one set-based
/// merge replaces the weeks the file covers. A dry run does all of it and rolls back.
/// </summary>
public sealed partial class TimeLogImportService(
    OrganizationAccess access, TimeProvider clock, ILogger<TimeLogImportService> logger, Microsoft.Extensions.Options.IOptions<ImportOptions> options,
    AppMetrics? metrics = null)
{
    public const int SampleSize = 10;
    public const int MaxErrorsListed = 1000;

    public Task<TimeLogImportReport> ImportAsync(
        MemberAccess member,
        Stream file,
        bool dryRun,
        string? fileName = null,
        IProgress<double>? progress = null,
        IProgress<string>? status = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return ImportRowsAsync(member, dryRun, (target, ct) =>
        {
            var organization = target.Organization;
            var options = new TimeLogCsvOptions
            {
                Activities = organization.Activities.ToDictionary(a => a.Name, a => a.Function, StringComparer.OrdinalIgnoreCase),
                KnownRoles = organization.Roles.Select(r => r.Name).Order(StringComparer.OrdinalIgnoreCase).ToList(),
                MaxProblems = MaxErrorsListed,
            };
            var sample = new List<ImportSampleRow>(SampleSize);
            // A retry reads the file again from its start.
            if (file.CanSeek)
            {
                file.Position = 0;
            }
            using var text = new StreamReader(new ProgressReadStream(file, Length(file) ?? 0, progress), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 65536, leaveOpen: true);
            var csv = TimeLogCsvReader.Read(text, options, row =>
            {
                ct.ThrowIfCancellationRequested();
                target.Staging.Add(row.Line, row.Email, row.Week.Monday, target.ActivityIds[row.Activity], (long)(row.Hours * 10_000m));
                if (sample.Count < SampleSize)
                {
                    sample.Add(new ImportSampleRow(row.Line, row.Week.ToString(), row.Email, row.Activity, row.Function, row.Hours));
                }
            });
            return new ImportRead(
                csv.DataLines,
                csv.Problems.Select(p => new ImportError(p.Line, p.Column, p.Reason)).ToList(),
                csv.ProblemCount,
                csv.IgnoredColumns,
                csv.Reps.Values,
                sample);
        }, report => AuditSummary(fileName, report), cancellationToken, status);
    }

    /// <summary>
    /// The import behind every source of time logs: <paramref name="read"/> fills the staging table
    /// (off the caller's thread, inside the transaction) and says what it found; the rest — new reps,
    /// locked weeks, the summary, the merge, the audit entry — is the same for a CSV and a CRM export.
    /// </summary>
    /// <remarks>
    /// A transient fault on PostgreSQL (a deadlock with a week being saved, a dropped connection, a fail-over)
    /// gets one more try from the start, through <see cref="ImportRetryStrategy"/>: the transaction
    /// rolled back, so nothing of the first try remains, and <paramref name="read"/> runs again, so it must be
    /// repeatable (the callers read a spooled file and re-openable exports).
    /// </remarks>
    internal async Task<TimeLogImportReport> ImportRowsAsync(
        MemberAccess member,
        bool dryRun,
        Func<ImportTarget, CancellationToken, ImportRead> read,
        Func<TimeLogImportReport, string> auditSummary,
        CancellationToken cancellationToken,
        IProgress<string>? status = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(read);
        if (!member.MayImport)
        {
            return TimeLogImportReport.Failed("Only Admins, Leaders and Consultants import time logs.", dryRun);
        }
        using var running = metrics?.ImportRunning();
        await using var context = await access.OpenAsync(member, cancellationToken);
        var strategy = context.Database.IsNpgsql()
            ? new ImportRetryStrategy(context)
            : context.Database.CreateExecutionStrategy();
        var attempt = 0;
        try
        {
            return await strategy.ExecuteAsync(ct =>
            {
                if (++attempt > 1)
                {
                    LogRetry(logger, member.OrganizationId);
                }
                return ImportOnceAsync(member, dryRun, read, auditSummary, ct, status);
            }, cancellationToken);
        }
        catch (Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException exception)
        {
            LogConflict(logger, member.OrganizationId, exception);
            return TimeLogImportReport.Failed(TransientMessage, dryRun) with { Conflict = true };
        }
    }

    public const string TransientMessage =
        "The database broke off this import twice (a deadlock with other changes, or a lost connection), so nothing was written. Import the file again.";

    private async Task<TimeLogImportReport> ImportOnceAsync(
        MemberAccess member,
        bool dryRun,
        Func<ImportTarget, CancellationToken, ImportRead> read,
        Func<TimeLogImportReport, string> auditSummary,
        CancellationToken cancellationToken,
        IProgress<string>? status)
    {
        await using var db = await access.OpenAsync(member, cancellationToken);
        db.Database.SetCommandTimeout(options.Value.CommandTimeoutSeconds);
        var organization = await db.Organizations
            .Include(o => o.Roles).Include(o => o.Teams).Include(o => o.Activities)
            .AsSplitQuery()
            .SingleAsync(cancellationToken);
        var existingReps = await db.Reps.AsNoTracking().Select(r => new { r.Email, r.Name })
            .ToDictionaryAsync(r => r.Email, r => r.Name, StringComparer.Ordinal, cancellationToken);
        var activityIds = organization.Activities.ToDictionary(a => a.Name, a => a.Id, StringComparer.OrdinalIgnoreCase);

        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, dryRun, cancellationToken);
        using var staging = TimeLogStaging.For(db);
        var target = new ImportTarget(
            organization,
            activityIds,
            existingReps,
            staging);

        // The readers and the staging writes are synchronous (CsvHelper, COPY); they run off the caller's
        // thread so that a page stays responsive and its progress bar moves.
        var source = await Task.Run(() =>
        {
            staging.Start();
            var result = read(target, cancellationToken);
            staging.Complete();
            return result;
        }, cancellationToken);

        var errors = source.Errors.ToList();
        var errorCount = source.ErrorCount;
        var (newReps, newTeams) = PlanNewReps(organization, source.Reps, target.ExistingReps, errors, ref errorCount);

        var sql = new TenantSql(db, organization.Id);
        // One row per rep and week of the file, with its hours per function: the report, the locks and the weekly
        // summary all read these instead of the staged lines.
        var sums = WeeklySummaries.StagedSums(organization.Activities.Select(a => (a.Id, a.Function)));
        await sql.ExecuteAsync(
            $"{staging.CreateTableAs(Keys)} SELECT email, week_start, MIN(line) AS line, {sums} FROM {TimeLogStaging.Table} GROUP BY email, week_start",
            cancellationToken);
        await StageNewRepTeamsAsync(sql, staging, newReps, cancellationToken);
        errorCount += await CheckLockedWeeksAsync(sql, errors, cancellationToken);
        var summary = await SummariseAsync(sql, cancellationToken);

        var report = new TimeLogImportReport
        {
            DryRun = dryRun,
            RowsRead = source.RowsRead,
            RepsCreated = newReps.Count,
            TeamsCreated = newTeams.Count,
            WeeksReplaced = summary.RepWeeks,
            WeeksWithEarlierData = summary.RepWeeksWithData,
            HoursImported = summary.Hours,
            FirstWeek = summary.First?.ToString(),
            LastWeek = summary.Last?.ToString(),
            Weeks = summary.Weeks,
            HoursByFunction = summary.ByFunction,
            NewReps = newReps.Select(r => new ImportedRep(r.Email, r.Name, r.Team?.Name, r.Role.Name)).ToList(),
            NewTeams = newTeams,
            Sample = source.Sample,
            IgnoredColumns = source.IgnoredColumns,
            Errors = errors.OrderBy(e => e.Line).Take(MaxErrorsListed).ToList(),
            ErrorCount = errorCount,
        };
        if (errorCount > 0 || dryRun)
        {
            // Nothing of this file stays: not the staged rows, not a team, not a rep.
            await transaction.RollbackAsync(cancellationToken);
            return report;
        }

        try
        {
            db.Reps.AddRange(newReps);
            var now = clock.GetUtcNow();
            var summaryText = Truncate(auditSummary(report), 2000);
            // The history entry first: the rows this import replaces are kept under its id, to roll it back.
            var history = new TimeLogImport
            {
                OrganizationId = organization.Id,
                UserId = member.UserId,
                ImportedBy = await ImportHistoryService.NameOfAsync(db, member, cancellationToken),
                At = now,
                Summary = summaryText,
                RepWeeks = report.WeeksReplaced,
                RepWeeksWithEarlierData = report.WeeksWithEarlierData,
                FirstWeek = summary.First?.Monday,
                LastWeek = summary.Last?.Monday,
            };
            db.TimeLogImports.Add(history);
            await db.SaveChangesAsync(cancellationToken);
            await ImportHistoryService.DropExpiredAsync(db, now, cancellationToken);
            if (!await MergeAsync(db, sql, staging, history.Id, options.Value.WaitForOtherImportSeconds, status, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                LogWaitedTooLong(logger, organization.Id, options.Value.WaitForOtherImportSeconds);
                return report with { Errors = [new ImportError(0, "", OtherImportMessage)], ErrorCount = 1, Conflict = true };
            }
            db.AuditEntries.Add(new AuditEntry
            {
                OrganizationId = organization.Id,
                UserId = member.UserId,
                At = now,
                Action = "Imported",
                EntityType = "TimeLogs",
                EntityId = history.Id.ToString(CultureInfo.InvariantCulture),
                Summary = summaryText,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // Another import, or a rep saving one of these weeks, got there first (a unique index said so).
            LogConflict(logger, organization.Id, exception);
            return report with
            {
                Errors = [new ImportError(0, "", "Someone changed the same reps or weeks while this file was being imported, so nothing was written. Import the file again.")],
                ErrorCount = 1,
                Conflict = true,
            };
        }
        if (!staging.IsPostgres)
        {
            // SQLite keeps temporary tables with the pooled connection: the file's rows should not linger there.
            await db.Database.ExecuteSqlRawAsync(
                $"DROP TABLE IF EXISTS temp.{TimeLogStaging.Table}; DROP TABLE IF EXISTS temp.{Keys}; DROP TABLE IF EXISTS temp.{RepWeeks}; DROP TABLE IF EXISTS temp.{NewRepTeams}",
                cancellationToken);
        }
        LogImported(logger, organization.Id, report.RowsRead, report.WeeksReplaced, report.RepsCreated);
        return report with { Imported = true };
    }

    private const string Keys = "import_keys";
    private const string RepWeeks = "import_rep_weeks";
    private const string NewRepTeams = "import_new_rep_teams";

    /// <summary>
    /// On SQLite a write transaction locks the whole database, so a preview — which never writes the
    /// organisation's tables — reads in a deferred one, and only a real import takes the write lock.
    /// </summary>
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(SalesSpecDbContext db, bool dryRun, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            var transaction = sqlite.BeginTransaction(deferred: dryRun);
            return await db.Database.UseTransactionAsync(transaction, cancellationToken)
                   ?? throw new InvalidOperationException("EF Core did not take the import's transaction.");
        }
        return await db.Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>New reps who join an existing team: their team's closed periods apply to them too.</summary>
    private static async Task StageNewRepTeamsAsync(TenantSql sql, TimeLogStaging staging, List<Rep> newReps, CancellationToken cancellationToken)
    {
        await sql.ExecuteAsync($"{staging.CreateTableAs(NewRepTeams)} SELECT email, 0 AS team_id FROM {Keys} WHERE 1 = 0", cancellationToken);
        // A few hundred reps per statement, well inside both databases' parameter limits.
        foreach (var batch in newReps.Where(r => r.Team is { Id: > 0 }).Chunk(500))
        {
            var values = string.Join(", ", batch.Select((_, i) => $"({{{2 * i}}}, {{{2 * i + 1}}})"));
            var parameters = batch.SelectMany(r => new object[] { r.Email, r.Team!.Id }).ToArray();
            await sql.ExecuteAsync($"INSERT INTO {NewRepTeams} (email, team_id) VALUES {values}", cancellationToken, parameters);
        }
    }

    private static long? Length(Stream file) => file.CanSeek ? file.Length : null;

    private static (List<Rep> Reps, List<string> Teams) PlanNewReps(
        Organization organization, IEnumerable<CsvRep> fileReps, IReadOnlyDictionary<string, string> existing, List<ImportError> errors, ref int errorCount)
    {
        var reps = new List<Rep>();
        var teams = new List<string>();
        var roleNames = string.Join(", ", organization.Roles.Select(r => r.Name));
        foreach (var rep in fileReps.Where(r => !existing.ContainsKey(r.Email)).OrderBy(r => r.FirstLine))
        {
            var before = errors.Count;
            if (rep.Name is null)
            {
                errors.Add(new ImportError(rep.FirstLine, TimeLogCsvReader.RepName,
                    $"Rep {rep.Email} is new to the organisation; give their name (rep_name) on at least one line to create them."));
            }
            var role = rep.Role is null ? null : organization.Roles.FirstOrDefault(r => string.Equals(r.Name, rep.Role, StringComparison.OrdinalIgnoreCase));
            if (role is null && rep.Role is null)
            {
                errors.Add(new ImportError(rep.FirstLine, TimeLogCsvReader.Role,
                    $"Rep {rep.Email} is new to the organisation; give their role on at least one line to create them. Roles: {roleNames}."));
            }
            if (errors.Count > before || role is null)
            {
                // An unknown role was reported by the reader already.
                errorCount += errors.Count - before;
                continue;
            }
            try
            {
                Team? team = null;
                if (rep.Team is not null)
                {
                    team = organization.Teams.FirstOrDefault(t => string.Equals(t.Name, rep.Team.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (team is null)
                    {
                        team = organization.AddTeam(rep.Team.Trim());
                        teams.Add(team.Name);
                    }
                }
                reps.Add(Rep.Create(rep.Name!, rep.Email, role, team));
            }
            catch (DomainRuleException exception)
            {
                errors.Add(new ImportError(rep.FirstLine, rep.Team is null ? TimeLogCsvReader.RepName : TimeLogCsvReader.Team, exception.Message));
                errorCount++;
            }
        }
        return (reps, teams);
    }

    /// <summary>An approved week, or one inside a closed period, is not replaced by an import: it is reported.</summary>
    private static async Task<int> CheckLockedWeeksAsync(TenantSql sql, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var approved = await sql.Query<LockedWeekRow>($"""
            SELECT k.line AS "Line", k.email AS "Email", k.week_start AS "WeekStart", t."ReviewedBy" AS "By", k.week_start AS "LockedThrough"
            FROM {Keys} k
            JOIN "Reps" r ON r."OrganizationId" = {TenantSql.Organization} AND r."Email" = k.email
            JOIN "Timesheets" t ON t."RepId" = r."Id" AND t."WeekStart" = k.week_start
            WHERE t."Status" = 'Approved'
            """).ToListAsync(cancellationToken);
        var closed = await sql.Query<LockedWeekRow>($"""
            SELECT k.line AS "Line", k.email AS "Email", k.week_start AS "WeekStart", MAX(l."LockedBy") AS "By", MAX(l."LockedThrough") AS "LockedThrough"
            FROM {Keys} k
            LEFT JOIN "Reps" r ON r."OrganizationId" = {TenantSql.Organization} AND r."Email" = k.email
            LEFT JOIN "RepTeamAssignments" a ON a."RepId" = r."Id" AND a."FromWeek" <= k.week_start AND (a."ToWeek" IS NULL OR k.week_start < a."ToWeek")
            LEFT JOIN {NewRepTeams} n ON n.email = k.email
            JOIN "LockPeriods" l ON l."OrganizationId" = {TenantSql.Organization} AND (l."TeamId" IS NULL OR l."TeamId" = COALESCE(a."TeamId", n.team_id)) AND k.week_start <= l."LockedThrough"
            GROUP BY k.line, k.email, k.week_start
            """).ToListAsync(cancellationToken);
        var reported = new HashSet<(string, DateOnly)>();
        foreach (var row in approved)
        {
            reported.Add((row.Email, row.WeekStart));
            errors.Add(new ImportError(row.Line, TimeLogCsvReader.Week,
                $"Rep {row.Email}'s week {IsoWeek.FromMonday(row.WeekStart)} is approved and locked{(row.By is null ? "" : $" (approved by {row.By})")}; ask a manager to reopen it, or leave that week out of the file."));
        }
        foreach (var row in closed.Where(r => !reported.Contains((r.Email, r.WeekStart))))
        {
            errors.Add(new ImportError(row.Line, TimeLogCsvReader.Week,
                $"Rep {row.Email}'s week {IsoWeek.FromMonday(row.WeekStart)} is in a closed period (locked through {IsoWeek.FromMonday(row.LockedThrough)} by {row.By}); leave it out of the file, or ask an Admin."));
        }
        return approved.Count + closed.Count(r => !reported.Contains((r.Email, r.WeekStart)));
    }

    private static async Task<StagedSummary> SummariseAsync(TenantSql sql, CancellationToken cancellationToken)
    {
        var byFunction = await sql.Query<FunctionHoursRow>(string.Join(" UNION ALL ", WeeklySummaries.FunctionColumns.Select(f =>
            $"""SELECT '{f}' AS "Function", COALESCE(SUM("{WeeklySummaries.ColumnOf(f)}"), 0) AS "HoursE4" FROM {Keys}"""))).ToListAsync(cancellationToken);
        byFunction.RemoveAll(f => f.HoursE4 == 0);
        var weeks = await sql.Query<DateOnly>($"""SELECT DISTINCT week_start AS "Value" FROM {Keys}""").ToListAsync(cancellationToken);
        var repWeeks = await sql.Query<long>($"""SELECT COUNT(*) AS "Value" FROM {Keys}""").SingleAsync(cancellationToken);
        var withData = await sql.Query<long>($"""
            SELECT COUNT(*) AS "Value" FROM {Keys} k
            JOIN "Reps" r ON r."OrganizationId" = {TenantSql.Organization} AND r."Email" = k.email
            WHERE EXISTS (SELECT 1 FROM "TimeLogs" t WHERE t."RepId" = r."Id" AND t."WeekStart" = k.week_start)
            """).SingleAsync(cancellationToken);
        var hours = byFunction.ToDictionary(f => Enum.Parse<SalesFunction>(f.Function), f => f.HoursE4 / 10_000m);
        return new StagedSummary(
            (int)repWeeks,
            (int)withData,
            hours.Values.Sum(),
            weeks.Count,
            weeks.Count == 0 ? null : IsoWeek.FromMonday(weeks.Min()),
            weeks.Count == 0 ? null : IsoWeek.FromMonday(weeks.Max()),
            hours);
    }

    public const string OtherImportMessage =
        "Another import, or a week being saved, held some of the same reps for too long, so nothing was written. Import the file again when it has finished.";

    /// <summary>
    /// Replaces every (rep, week) of the file with the file's rows, summed per activity, in three statements.
    /// On PostgreSQL the reps' rows are locked first, in id order, so that two imports over the same reps run
    /// one after the other (the second replaces the first's weeks whole) instead of both deleting, then both
    /// inserting, and leaving the union. A write transaction on SQLite locks the whole database already.
    /// False when the reps stayed held longer than <paramref name="waitSeconds"/>: nothing was replaced.
    /// </summary>
    private static async Task<bool> MergeAsync(
        SalesSpecDbContext db, TenantSql sql, TimeLogStaging staging, int importId, int waitSeconds, IProgress<string>? status, CancellationToken cancellationToken)
    {
        await sql.ExecuteAsync($"""
            {staging.CreateTableAs(RepWeeks)}
            SELECT r."Id" AS rep_id, k.week_start, {WeeklySummaries.ColumnsOf("k")}
            FROM {Keys} k JOIN "Reps" r ON r."OrganizationId" = {TenantSql.Organization} AND r."Email" = k.email
            """, cancellationToken);
        if (staging.IsPostgres && !await LockRepsAsync(db, sql, waitSeconds, status, cancellationToken))
        {
            return false;
        }
        // What is about to be replaced is kept beside the import for a week, so the import can be rolled back.
        await sql.ExecuteAsync($"""
            INSERT INTO "ReplacedTimeLogs" ("OrganizationId", "ImportId", "RepId", "ActivityId", "WeekStart", "Hours")
            SELECT {TenantSql.Organization}, {"{0}"}, t."RepId", t."ActivityId", t."WeekStart", t."Hours"
            FROM "TimeLogs" t
            WHERE EXISTS (SELECT 1 FROM {RepWeeks} w WHERE w.rep_id = t."RepId" AND w.week_start = t."WeekStart")
            """, cancellationToken, importId);
        await sql.ExecuteAsync($"""
            DELETE FROM "TimeLogs"
            WHERE EXISTS (SELECT 1 FROM {RepWeeks} w WHERE w.rep_id = "TimeLogs"."RepId" AND w.week_start = "TimeLogs"."WeekStart")
            """, cancellationToken);
        // In the unique index's order: each index page is written while it is at hand instead of at random (a
        // million rows: the insert itself 7.7 -> 4.9 s).
        await sql.ExecuteAsync($"""
            INSERT INTO "TimeLogs" ("RepId", "ActivityId", "WeekStart", "Hours")
            SELECT r."Id", s.activity_id, s.week_start, {staging.HoursFrom("SUM(s.hours_e4)")}
            FROM {TimeLogStaging.Table} s JOIN "Reps" r ON r."OrganizationId" = {TenantSql.Organization} AND r."Email" = s.email
            GROUP BY r."Id", s.week_start, s.activity_id
            ORDER BY r."Id", s.week_start, s.activity_id
            """, cancellationToken);
        // Each rep-week in the file was replaced whole, so its summary is the sum of the file's own lines.
        await WeeklySummaries.ReplaceFromImportAsync(db, db.OrganizationScope!.Value, RepWeeks, cancellationToken);
        // A week open in someone's browser must not be saved over the import without them noticing.
        await sql.ExecuteAsync($"""
            UPDATE "Timesheets" SET "Version" = "Version" + 1
            WHERE EXISTS (SELECT 1 FROM {RepWeeks} w WHERE w.rep_id = "Timesheets"."RepId" AND w.week_start = "Timesheets"."WeekStart")
            """, cancellationToken);
        // The rep-weeks written, with their timesheet's version now: a rollback finds any change since by it.
        await sql.ExecuteAsync($"""
            INSERT INTO "ImportedRepWeeks" ("OrganizationId", "ImportId", "RepId", "WeekStart", "TimesheetVersion")
            SELECT {TenantSql.Organization}, {"{0}"}, w.rep_id, w.week_start, t."Version"
            FROM {RepWeeks} w LEFT JOIN "Timesheets" t ON t."RepId" = w.rep_id AND t."WeekStart" = w.week_start
            ORDER BY w.rep_id, w.week_start
            """, cancellationToken, importId);
        await WeeklySummaries.RaiseVersionAsync(db, db.OrganizationScope!.Value, cancellationToken);
        return true;
    }

    /// <summary>
    /// Locks the file's reps (FOR UPDATE, in id order, so two imports never wait on each other crosswise): at
    /// once if nobody holds them, else after telling the page it waits, for at most <paramref name="waitSeconds"/>.
    /// </summary>
    private static async Task<bool> LockRepsAsync(SalesSpecDbContext db, TenantSql sql, int waitSeconds, IProgress<string>? status, CancellationToken cancellationToken)
    {
        const string lockReps = $"""SELECT r."Id" FROM "Reps" r WHERE r."OrganizationId" = {TenantSql.Organization} AND r."Id" IN (SELECT rep_id FROM {RepWeeks}) ORDER BY r."Id" FOR UPDATE""";
        await using (var savepoint = await SavepointAsync(db, "import_lock", cancellationToken))
        {
            try
            {
                await sql.ExecuteAsync(lockReps + " NOWAIT", cancellationToken);
                return true;
            }
            catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.LockNotAvailable)
            {
                // A failed statement spoils the transaction; back to before it, then wait in line.
                await db.Database.ExecuteSqlRawAsync("ROLLBACK TO SAVEPOINT import_lock", cancellationToken);
            }
        }
        status?.Report("Waiting for another import of the same people to finish…");
        // An int, never input: lock_timeout takes no parameter.
        var timeout = "SET LOCAL lock_timeout = " + (Math.Max(waitSeconds, 0) * 1000).ToString(CultureInfo.InvariantCulture);
        await db.Database.ExecuteSqlRawAsync(timeout, cancellationToken);
        try
        {
            await sql.ExecuteAsync(lockReps, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = 0", cancellationToken);
            status?.Report("Importing");
            return true;
        }
        catch (Npgsql.PostgresException exception) when (exception.SqlState == Npgsql.PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }

    private static async Task<IAsyncDisposable> SavepointAsync(SalesSpecDbContext db, string name, CancellationToken cancellationToken)
    {
        var create = "SAVEPOINT " + name;
        await db.Database.ExecuteSqlRawAsync(create, cancellationToken);
        return new Savepoint(db, name);
    }

    // The names are this class's constants, never input.
    private sealed class Savepoint(SalesSpecDbContext db, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            var release = "RELEASE SAVEPOINT " + name;
            await db.Database.ExecuteSqlRawAsync(release);
        }
    }

    // The statements are built from this class's own table names, never from input; input (and the organisation)
    // goes in as parameters, through TenantSql.

    private static string AuditSummary(string? fileName, TimeLogImportReport report) =>
        string.Create(CultureInfo.InvariantCulture,
            $"imported time logs{(fileName is null ? "" : $" from '{fileName}'")}: {Count(report.RowsRead, "row")}, {Count(report.WeeksReplaced, "rep-week")} replaced ({(report.FirstWeek == report.LastWeek ? report.FirstWeek : $"{report.FirstWeek}–{report.LastWeek}")}), {report.HoursImported:0.##} h, {Count(report.RepsCreated, "rep")} and {Count(report.TeamsCreated, "team")} created.");

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? "" : "s")}");

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organisation {OrganizationId}: a time-log import waited {Seconds} s for reps held by another import or save, and was rolled back")]
    private static partial void LogWaitedTooLong(ILogger logger, int organizationId, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organisation {OrganizationId}: a time-log import met a concurrent change and was rolled back")]
    private static partial void LogConflict(ILogger logger, int organizationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An import into organisation {OrganizationId} met a transient database fault and is tried once more")]
    private static partial void LogRetry(ILogger logger, int organizationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Organisation {OrganizationId}: imported {Rows} time-log rows, {RepWeeks} rep-weeks replaced, {Reps} reps created")]
    private static partial void LogImported(ILogger logger, int organizationId, int rows, int repWeeks, int reps);

    private sealed record StagedSummary(
        int RepWeeks, int RepWeeksWithData, decimal Hours, int Weeks, IsoWeek? First, IsoWeek? Last, IReadOnlyDictionary<SalesFunction, decimal> ByFunction);
}
