using SalesSpec.Domain.TimeLogs;

namespace SalesSpec.Web.Features.Analysis.Summaries;

/// <summary>
/// Keeps <see cref="RepWeekSummary"/> equal to the time logs summed per rep, week and function. Every write re-sums
/// the rep-weeks it touched from the time logs, in its own transaction, and raises the organisation's
/// <see cref="DataVersion"/>: re-summing (rather than adding differences) cannot drift, whatever the write did.
/// Saves through the change tracker are handled by <see cref="SaveInterceptor"/>;
/// set-based writes (an import's merge, moving an activity's hours) call <see cref="RefreshAsync"/> themselves.
/// </summary>
public static class WeeklySummaries
{
    /// <summary>The functions, as the catalogue stores them; each has a column of its own (<see cref="ColumnOf"/>).</summary>
    public static readonly IReadOnlyList<string> FunctionColumns = Enum.GetNames<SalesFunction>();

    /// <summary>The summary's column of a function: its hours in whole ten-thousandths.</summary>
    public static string ColumnOf(string function) => function + "E4";

    /// <summary>The rep-weeks picked by a condition on <c>{rep}</c> and <c>{week}</c>, with <c>{0}</c>… parameters.</summary>
    public sealed record RepWeeks(string Condition, params object[] Parameters)
    {
        /// <summary>Some pairs: a handful one by one, more as their reps over the weeks' span (re-summing extra rep-weeks is harmless).</summary>
        public static RepWeeks Of(IReadOnlyCollection<(int RepId, DateOnly WeekStart)> pairs)
        {
            ArgumentNullException.ThrowIfNull(pairs);
            if (pairs.Count <= 20)
            {
                return new RepWeeks(
                    string.Join(" OR ", pairs.Select((_, i) => $"({{rep}} = {{{2 * i}}} AND {{week}} = {{{2 * i + 1}}})")),
                    pairs.SelectMany(p => new object[] { p.RepId, p.WeekStart }).ToArray());
            }
            var reps = pairs.Select(p => p.RepId).Distinct().Order().ToList();
            return new RepWeeks(
                $"{{week}} >= {{0}} AND {{week}} <= {{1}} AND {{rep}} IN ({string.Join(", ", reps.Select((_, i) => $"{{{i + 2}}}"))})",
                [pairs.Min(p => p.WeekStart), pairs.Max(p => p.WeekStart), .. reps.Cast<object>()]);
        }

        /// <summary>Every rep-week with hours on the activity (its function changed).</summary>
        public static RepWeeks WithActivity(int activityId) => new(
            """EXISTS (SELECT 1 FROM "TimeLogs" x WHERE x."ActivityId" = {0} AND x."RepId" = {rep} AND x."WeekStart" = {week})""", activityId);

        /// <summary>Every rep-week of the organisation (the rebuild).</summary>
        public static RepWeeks Everything { get; } = new("1 = 1");

        /// <summary>The pairs of a table with <c>rep_id</c> and <c>week_start</c> columns (an import's staging).</summary>
        public static RepWeeks InTable(string table) => new(
            $"EXISTS (SELECT 1 FROM {table} k WHERE k.rep_id = {{rep}} AND k.week_start = {{week}})");
    }

    /// <summary>Re-sums the organisation's rep-weeks from the time logs. Call it inside the transaction that changed them.</summary>
    public static async Task RefreshAsync(SalesSpecDbContext db, int organizationId, RepWeeks which, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(which);
        var sql = new TenantSql(db, organizationId);
        var (delete, insert) = RefreshSql(db.Database.IsNpgsql(), which.Condition);
        // One round trip: a saved week waits for it.
        await sql.ExecuteAsync(delete + ";\n" + insert, cancellationToken, which.Parameters);
    }

    /// <summary>
    /// The summary's columns summed from an import's staged lines (<c>activity_id</c>, <c>hours_e4</c>), to group by
    /// rep and week where the import groups its lines anyway: the summary then needs no pass of its own over a
    /// million lines (<see cref="ReplaceFromImportAsync"/>). The activities' functions are lists of ids rather than
    /// a join: a join with the catalogue, whose statistics a new organisation does not have yet, led PostgreSQL to
    /// rescan the staged lines once per activity.
    /// </summary>
    public static string StagedSums(IEnumerable<(int Id, SalesFunction Function)> activities)
    {
        var catalogue = activities.ToList();
        return string.Join(", ", FunctionColumns.Select(f =>
        {
            var ids = catalogue.Where(a => a.Function.ToString() == f).Select(a => a.Id.ToString(CultureInfo.InvariantCulture)).ToList();
            var sum = ids.Count == 0 ? "0" : $"SUM(CASE WHEN activity_id IN ({string.Join(", ", ids)}) THEN hours_e4 ELSE 0 END)";
            return $"{sum} AS \"{ColumnOf(f)}\"";
        }));
    }

    /// <summary>
    /// Replaces the summary of the rep-weeks an import replaced whole from <paramref name="repWeeksTable"/> (rep_id,
    /// week_start and the <see cref="StagedSums"/> columns), instead of reading back the time logs just written: the
    /// same integer sums, without another pass over a million rows. Call it in the import's transaction, after its merge.
    /// </summary>
    public static async Task ReplaceFromImportAsync(SalesSpecDbContext db, int organizationId, string repWeeksTable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.Database.IsNpgsql();
        var sql = new TenantSql(db, organizationId);
        var (delete, _) = RefreshSql(postgres, RepWeeks.InTable(repWeeksTable).Condition);
        await sql.ExecuteAsync(
            $"""
            {delete};
            INSERT INTO "RepWeekSummaries" ("RepId", "WeekStart", "WeekNumber", "OrganizationId", {Columns})
            SELECT w.rep_id, w.week_start, {WeekNumber(postgres, "w.week_start")}, {TenantSql.Organization}, {ColumnsOf("w")}
            FROM {repWeeksTable} w
            ORDER BY w.rep_id, w.week_start
            """,
            cancellationToken);
    }

    /// <summary>Raises the organisation's data version (creating it; an organisation deleted meanwhile has none).</summary>
    public static Task RaiseVersionAsync(SalesSpecDbContext db, int organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // A first version is random, not 1: a database created again (a reset, a restored copy) does not meet the
        // entries the shared cache still holds for the old one under the same organisation id.
        return new TenantSql(db, organizationId).ExecuteAsync(
            $$"""
            INSERT INTO "DataVersions" ("OrganizationId", "Value") SELECT o."Id", {0} FROM "Organizations" o WHERE o."Id" = {{TenantSql.Organization}}
            ON CONFLICT ("OrganizationId") DO UPDATE SET "Value" = "DataVersions"."Value" + 1
            """,
            cancellationToken,
            Random.Shared.NextInt64(1, long.MaxValue / 2));
    }

    /// <summary>The organisation's data version: 0 until its first write.</summary>
    public static async Task<long> VersionAsync(SalesSpecDbContext db, int organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<DataVersion>().AsNoTracking()
            .Where(v => v.OrganizationId == organizationId)
            .Select(v => v.Value)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Re-sums every week of the organisation from its time logs, in one transaction (the rebuild command).</summary>
    public static async Task<int> RebuildAsync(SalesSpecDbContext db, int organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RefreshAsync(db, organizationId, RepWeeks.Everything, cancellationToken);
        await RaiseVersionAsync(db, organizationId, cancellationToken);
        var rows = await db.Set<RepWeekSummary>().AcrossOrganizations().CountAsync(s => s.OrganizationId == organizationId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>
    /// The two statements that re-sum the organisation's rep-weeks a condition on <c>{rep}</c> and <c>{week}</c>
    /// picks (for <see cref="TenantSql"/>, which names the organisation).
    /// </summary>
    public static (string Delete, string Insert) RefreshSql(bool postgres, string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var delete = $"""DELETE FROM "RepWeekSummaries" WHERE "RepWeekSummaries"."OrganizationId" = {TenantSql.Organization} AND {Bind(condition, "\"RepWeekSummaries\".\"RepId\"", "\"RepWeekSummaries\".\"WeekStart\"")}""";
        var sums = string.Join(", ", FunctionColumns.Select(f => SqlHours.SumE4(postgres, $"CASE WHEN a.\"Function\" = '{f}' THEN t.\"Hours\" ELSE 0 END")));
        var weekNumber = WeekNumber(postgres, "t.\"WeekStart\"");
        var insert = $"""
            INSERT INTO "RepWeekSummaries" ("RepId", "WeekStart", "WeekNumber", "OrganizationId", {Columns})
            SELECT t."RepId", t."WeekStart", {weekNumber}, r."OrganizationId", {sums}
            FROM "TimeLogs" t JOIN "Reps" r ON r."Id" = t."RepId" AND r."OrganizationId" = {TenantSql.Organization} JOIN "Activities" a ON a."Id" = t."ActivityId"
            WHERE {Bind(condition, "t.\"RepId\"", "t.\"WeekStart\"")}
            GROUP BY t."RepId", t."WeekStart", r."OrganizationId"
            """;
        return (delete, insert);
    }

    /// <summary><see cref="RepWeekSummary.NumberOf"/> in SQL.</summary>
    private static string WeekNumber(bool postgres, string monday) => postgres
        ? $"(({monday} - DATE '0001-01-01') / 7)"
        : $"CAST((julianday({monday}) - julianday('0001-01-01')) / 7 AS INTEGER)";

    private static string Columns => string.Join(", ", FunctionColumns.Select(f => $"\"{ColumnOf(f)}\""));

    /// <summary>The summary's function columns of a table or alias: <c>k."InboundQualificationE4", …</c>.</summary>
    public static string ColumnsOf(string alias) => string.Join(", ", FunctionColumns.Select(f => $"{alias}.\"{ColumnOf(f)}\""));

    private static string Bind(string condition, string rep, string week) =>
        condition.Replace("{rep}", rep, StringComparison.Ordinal).Replace("{week}", week, StringComparison.Ordinal);

    /// <summary>What a save through the change tracker changes of the analysis' input.</summary>
    internal sealed class PendingChanges
    {
        private readonly List<TimeLog> logs = [];
        private readonly List<Activity> activities = [];
        private readonly List<object> owners = [];
        private readonly HashSet<(int RepId, DateOnly WeekStart)> before = [];

        public bool IsEmpty => logs.Count == 0 && activities.Count == 0 && owners.Count == 0;

        /// <summary>Read before the save: a deleted row's key, an activity's changed function.</summary>
        public static PendingChanges Collect(SalesSpecDbContext db)
        {
            var pending = new PendingChanges();
            foreach (var entry in db.ChangeTracker.Entries())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                {
                    continue;
                }
                switch (entry.Entity)
                {
                    case TimeLog log:
                        pending.logs.Add(log);
                        if (entry.State != EntityState.Added)
                        {
                            pending.before.Add(((int)entry.Property(nameof(TimeLog.RepId)).OriginalValue!, (DateOnly)entry.Property(nameof(TimeLog.WeekStart)).OriginalValue!));
                        }
                        break;
                    case Activity activity:
                        pending.owners.Add(activity);
                        if (entry.State == EntityState.Modified && entry.Property(nameof(Activity.Function)).IsModified)
                        {
                            pending.activities.Add(activity);
                        }
                        break;
                    case Organization or Team or Role or Rep or RepTeamAssignment or MonthlyLeadCount:
                        pending.owners.Add(entry.Entity);
                        break;
                }
            }
            return pending;
        }

        /// <summary>After the save, in its transaction: re-sum the rep-weeks and raise the versions.</summary>
        public async Task ApplyAsync(SalesSpecDbContext db, CancellationToken cancellationToken)
        {
            if (IsEmpty)
            {
                return;
            }
            var pairs = logs.Select(l => (l.RepId, l.WeekStart)).Concat(before).Distinct().ToList();
            var reps = pairs.Select(p => p.RepId).Concat(owners.OfType<RepTeamAssignment>().Select(a => a.RepId)).ToHashSet();
            // A member's context holds one organisation's rows; start-up and the demo seed may hold several.
            var organizationOf = db.OrganizationScope is { } scope
                ? reps.ToDictionary(r => r, _ => scope)
                : await db.Reps.AcrossOrganizations().Where(r => reps.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.OrganizationId, cancellationToken);
            foreach (var group in pairs.Where(p => organizationOf.ContainsKey(p.RepId)).GroupBy(p => organizationOf[p.RepId]))
            {
                await RefreshAsync(db, group.Key, RepWeeks.Of(group.ToList()), cancellationToken);
            }
            var organizations = organizationOf.Values.ToHashSet();
            foreach (var owner in owners)
            {
                organizations.Add(owner switch
                {
                    Organization o => o.Id,
                    Team t => t.OrganizationId,
                    Role r => r.OrganizationId,
                    Rep r => r.OrganizationId,
                    Activity a => a.OrganizationId,
                    MonthlyLeadCount m => m.OrganizationId,
                    _ => 0,
                });
            }
            foreach (var activity in activities)
            {
                await RefreshAsync(db, activity.OrganizationId, RepWeeks.WithActivity(activity.Id), cancellationToken);
            }
            if (db.OrganizationScope is { } scoped)
            {
                organizations.Add(scoped);
            }
            // A deleted organisation has no version left to raise.
            organizations.ExceptWith(owners.OfType<Organization>().Where(o => db.Entry(o).State == EntityState.Detached).Select(o => o.Id));
            foreach (var organizationId in organizations.Where(id => id > 0).Order())
            {
                await RaiseVersionAsync(db, organizationId, cancellationToken);
            }
        }
    }
}
