using SalesSpec.Domain.Analysis;

namespace SalesSpec.Web.Features.Analysis.Summaries;

/// <summary>
/// Sums a period of the weekly summary into what the analyzer reads (<see cref="PeriodHours"/>): two grouped
/// statements over the period's rows — one row per rep, one per week — so 10,000 reps over a year come back as
/// 10,000 + 52 rows. Two statements rather than one with GROUPING SETS, so that they can run side by side. Which weeks a rep logged travels as bits (62 weeks per 64-bit number) rather than as rows.
/// </summary>
public static class PeriodSums
{
    private const int WeeksPerWord = 62;

    /// <summary>The longest period the bits cover (<see cref="RepSums"/> has this many words).</summary>
    public const int MaxWeeks = WeeksPerWord * 9;

    /// <summary>
    /// The period's sums per rep, in the organisation or in one team (a rep-week counts for the team the rep was in
    /// that week), with the weeks each rep logged as bits. With <see cref="ReadWeeksAsync"/>, on a connection of its
    /// own, this is all <see cref="Hours"/> needs, so the two can be read side by side.
    /// </summary>
    public static async Task<IReadOnlyList<RepSums>> ReadRepsAsync(
        SalesSpecDbContext db, int organizationId, IsoWeek from, IsoWeek to, int? teamId, CancellationToken cancellationToken)
    {
        var (sql, period, parameters, weeks) = Prepare(db, organizationId, from, to, teamId);
        var postgres = db.Database.IsNpgsql();
        var words = string.Join(", ", Enumerable.Range(0, MaxWeeks / WeeksPerWord).Select(k => k * WeeksPerWord < weeks ? Word(postgres, Total, k, weeks) : $"CAST(0 AS BIGINT) AS \"Logged{k}\""));
        return await ReadSeriallyAsync(db, () => sql.Query<RepSums>($"""
            SELECT s."RepId" AS "RepId", {Sums}, {words}
            FROM "RepWeekSummaries" s
            WHERE {period}
            GROUP BY s."RepId"
            """, parameters).ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>The period's sums per week over the active reps of analysed roles, in the organisation or one team.</summary>
    public static async Task<IReadOnlyList<WeekSums>> ReadWeeksAsync(
        SalesSpecDbContext db, int organizationId, IsoWeek from, IsoWeek to, int? teamId, CancellationToken cancellationToken)
    {
        var (sql, period, parameters, _) = Prepare(db, organizationId, from, to, teamId);
        return await ReadSeriallyAsync(db, () => sql.Query<WeekSums>($"""
            SELECT s."WeekStart" AS "WeekStart", {Sums}
            FROM "RepWeekSummaries" s JOIN "Reps" r ON r."Id" = s."RepId" JOIN "SalesRoles" ro ON ro."Id" = r."RoleId"
            WHERE {period} AND r."IsActive" AND ro."IsAnalysed"
            GROUP BY s."WeekStart"
            """, parameters).ToListAsync(cancellationToken), cancellationToken);
    }

    // Integer columns: a plain SUM is exact (bigint on PostgreSQL) and needs no conversion.
    private static readonly string Sums = string.Join(", ", WeeklySummaries.FunctionColumns.Select(f => $"SUM(s.\"{WeeklySummaries.ColumnOf(f)}\") AS \"{f}\""));

    private static readonly string Total = "(" + string.Join(" + ", WeeklySummaries.FunctionColumns.Select(f => $"s.\"{WeeklySummaries.ColumnOf(f)}\"")) + ")";

    private static (TenantSql Sql, string Period, object[] Parameters, int Weeks) Prepare(
        SalesSpecDbContext db, int organizationId, IsoWeek from, IsoWeek to, int? teamId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var weeks = from.WeeksThrough(to);
        if (weeks > MaxWeeks)
        {
            throw new DomainRuleException($"A period is at most {MaxWeeks} weeks long.");
        }
        var inTeam = teamId is null ? "" : """
            AND EXISTS (SELECT 1 FROM "RepTeamAssignments" a WHERE a."RepId" = s."RepId" AND a."TeamId" = {3}
                        AND a."FromWeek" <= s."WeekStart" AND (a."ToWeek" IS NULL OR a."ToWeek" > s."WeekStart"))
            """;
        var period = $$"""s."OrganizationId" = {{TenantSql.Organization}} AND s."WeekStart" >= {0} AND s."WeekStart" <= {1} {{inTeam}}""";
        return (new TenantSql(db, organizationId), period, [from.Monday, to.Monday, RepWeekSummary.NumberOf(from.Monday), teamId ?? 0], weeks);
    }

    /// <summary>
    /// On PostgreSQL the statement runs without parallel workers. A worker is a new process for each statement, and
    /// starting it cost more than it saved at every period measured (10,000 reps, this 2-core machine): 12 weeks
    /// 184 ms serial against 340 ms with two workers per statement, 52 weeks 420 against 550, 104 weeks 700 against
    /// 725. The analysis reads its two statements side by side on two connections instead.
    /// </summary>
    private static async Task<T> ReadSeriallyAsync<T>(SalesSpecDbContext db, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await read();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", cancellationToken);
        var rows = await read();
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    /// <summary>
    /// The sums as the analyzer reads them: the reps the analysis is about (<paramref name="analysed"/>: id to
    /// email; active, of an analysed role, in scope), with the weeks each logged nothing.
    /// </summary>
    public static PeriodHours Hours(Rows rows, IsoWeek from, IsoWeek to, IReadOnlyDictionary<int, string> analysed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(analysed);
        var weeks = from.WeeksThrough(to);
        var allWeeks = Enumerable.Range(0, weeks).Select(from.AddWeeks).ToList();
        return new PeriodHours(
            rows.Reps.Where(r => analysed.ContainsKey(r.RepId))
                .Select(r => new RepPeriodHours(analysed[r.RepId], r.Hours(), r.LoggedEvery(weeks) ? [] : allWeeks.Where((_, i) => (r.Word(i / WeeksPerWord) & (1L << (i % WeeksPerWord))) == 0).ToList()))
                .ToList(),
            rows.Weeks.Select(w => new WeekHours(IsoWeek.FromMonday(w.WeekStart), w.Hours())).OrderBy(w => w.Week).ToList());
    }

    /// <summary>The rows the database returns: one per rep, one per week.</summary>
    public sealed record Rows(IReadOnlyList<RepSums> Reps, IReadOnlyList<WeekSums> Weeks);

    /// <summary>
    /// Bit i of word k: the rep logged hours in week 62k + i of the period ({2} is the first week's number). A rep has
    /// one row a week, so the bits' sum is their OR. PostgreSQL ORs the rows a filter picks (a bigint all along, and
    /// no week range to test when the period fits one word: the statement's own condition is that range); SQLite,
    /// which has neither, sums a CASE.
    /// </summary>
    private static string Word(bool postgres, string total, int k, int weeks)
    {
        var first = (k * WeeksPerWord).ToString(CultureInfo.InvariantCulture);
        var next = ((k + 1) * WeeksPerWord).ToString(CultureInfo.InvariantCulture);
        var inWord = $$"""s."WeekNumber" - {2} >= {{first}} AND s."WeekNumber" - {2} < {{next}}""";
        return postgres
            ? $$"""
              COALESCE(BIT_OR(CAST(1 AS BIGINT) << (s."WeekNumber" - {2} - {{first}}))
                       FILTER (WHERE {{total}} > 0{{(weeks <= WeeksPerWord ? "" : " AND " + inWord)}}), 0) AS "Logged{{k}}"
              """
            : $$"""
              CAST(SUM(CASE WHEN {{total}} > 0 AND {{inWord}} THEN CAST(1 AS BIGINT) << (s."WeekNumber" - {2} - {{first}}) ELSE 0 END) AS BIGINT) AS "Logged{{k}}"
              """;
    }

    /// <summary>Hours are summed as whole ten-thousandths (exact on both databases).</summary>
    public abstract class FunctionSums
    {
        public long InboundQualification { get; set; }

        public long OutboundProspecting { get; set; }

        public long Closing { get; set; }

        public long PostSales { get; set; }

        public long NonSelling { get; set; }

        /// <summary>Indexed by <see cref="SalesFunction"/>.</summary>
        public decimal[] Hours() =>
            [InboundQualification / SqlHours.PerHour, OutboundProspecting / SqlHours.PerHour, Closing / SqlHours.PerHour, PostSales / SqlHours.PerHour, NonSelling / SqlHours.PerHour];
    }

    /// <summary>A rep's sums; bit i of word k: the rep logged hours in week 62k + i of the period.</summary>
    public sealed class RepSums : FunctionSums
    {
        public int RepId { get; set; }

        public long Logged0 { get; set; }

        public long Logged1 { get; set; }

        public long Logged2 { get; set; }

        public long Logged3 { get; set; }

        public long Logged4 { get; set; }

        public long Logged5 { get; set; }

        public long Logged6 { get; set; }

        public long Logged7 { get; set; }

        public long Logged8 { get; set; }

        /// <summary>The rep logged hours in each of the period's <paramref name="weeks"/> weeks (most reps, most periods).</summary>
        public bool LoggedEvery(int weeks)
        {
            for (var k = 0; k * WeeksPerWord < weeks; k++)
            {
                var bits = Math.Min(WeeksPerWord, weeks - k * WeeksPerWord);
                var full = (1L << bits) - 1;
                if ((Word(k) & full) != full)
                {
                    return false;
                }
            }
            return true;
        }

        public long Word(int index) => index switch
        {
            0 => Logged0,
            1 => Logged1,
            2 => Logged2,
            3 => Logged3,
            4 => Logged4,
            5 => Logged5,
            6 => Logged6,
            7 => Logged7,
            8 => Logged8,
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, null),
        };
    }

    public sealed class WeekSums : FunctionSums
    {
        public DateOnly WeekStart { get; set; }
    }
}
