using System.Runtime.CompilerServices;
using Microsoft.Extensions.Caching.Hybrid;
using SalesSpec.Domain.Analysis;
using SalesSpec.Web.Features.Analysis.Summaries;
using SalesSpec.Web.Features.Telemetry;

namespace SalesSpec.Web.Features.Analysis;

/// <summary>
/// Runs the workload analyzer on an organisation's data. The figures come from the weekly summary, summed in SQL
/// over the period into per-rep and per-week totals (<see cref="PeriodSums"/>): the analyzer never sees a time log.
/// Results are cached by organisation, scope, period and data version (<see cref="WeeklySummaries"/>), which every
/// write raises in its own transaction, so a cached result is never one the data has moved past.
/// </summary>
public sealed class AnalysisService(OrganizationAccess access, TimeProvider clock, HybridCache? cache = null, AppMetrics? metrics = null)
{
    public const int DefaultWeeks = 12;

    private static readonly HybridCacheEntryOptions CacheEntry = new()
    {
        // A key names its data version, so an entry is never stale; these only bound the memory of old versions.
        Expiration = TimeSpan.FromHours(12),
        LocalCacheExpiration = TimeSpan.FromMinutes(20),
    };

    /// <summary>The last <see cref="DefaultWeeks"/> complete ISO weeks before today.</summary>
    public (IsoWeek From, IsoWeek To) DefaultPeriod(MemberAccess member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var lastWeek = member.ThisWeek(clock).AddWeeks(-1);
        return (lastWeek.AddWeeks(-(DefaultWeeks - 1)), lastWeek);
    }

    /// <summary>
    /// The analysis of the member's organisation, or of one team. Reps get no organisation analysis
    /// (they see their own figures elsewhere); managers analyse the teams they manage.
    /// <paramref name="threshold"/> re-runs the analyzer on the summed input with another 80/20 line.
    /// </summary>
    public async Task<AnalysisOutcome> AnalyzeAsync(
        MemberAccess member, IsoWeek from, IsoWeek to, string? team = null, decimal? threshold = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.MaySeeAnalysis || (!member.SeesWholeOrganization && team is null))
        {
            return AnalysisOutcome.Forbidden(!member.MaySeeAnalysis
                ? "Reps see their own figures, not the organisation's analysis."
                : "Managers analyse the teams they manage: name one with ?team=.");
        }
        if (from > to)
        {
            throw new DomainRuleException($"The period starts ({from}) after it ends ({to}).");
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        // The version is read before anything it keys: data newer than the key can be cached under it, never older.
        var version = await WeeklySummaries.VersionAsync(db, member.OrganizationId, cancellationToken);
        if (!await db.Organizations.AnyAsync(cancellationToken))
        {
            return AnalysisOutcome.OrganizationNotFound;
        }
        (int Id, string Name)? scope = null;
        if (team is not null)
        {
            var teams = await db.Teams.Where(t => member.SeesWholeOrganization || member.ManagedTeamIds.Contains(t.Id))
                .Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
            var match = teams.FirstOrDefault(t => string.Equals(t.Name, team.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return AnalysisOutcome.TeamNotFound(teams.Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase).ToList());
            }
            scope = (match.Id, match.Name);
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"analysis/{member.OrganizationId}/{version}/{scope?.Id ?? 0}/{from}/{to}");
        AnalysisSnapshot snapshot;
        if (cache is null)
        {
            snapshot = await ComputeAsync(access, member, from, to, scope, cancellationToken);
        }
        else
        {
            // Whether this call computed the result (a miss) or was served one (a hit), for the cache's hit rate.
            var computed = new StrongBox<bool>();
            snapshot = await cache.GetOrCreateAsync(
                key,
                (Access: access, member, from, to, scope, computed),
                static (state, ct) =>
                {
                    state.computed.Value = true;
                    return new ValueTask<AnalysisSnapshot>(ComputeAsync(state.Access, state.member, state.from, state.to, state.scope, ct));
                },
                CacheEntry,
                cancellationToken: cancellationToken);
            metrics?.CacheLookup(hit: !computed.Value);
        }
        var outcome = AnalysisOutcome.Success(snapshot.Result, snapshot.Input) with { Snapshot = snapshot, RepNames = snapshot.RepNames };
        return threshold is { } line && line != snapshot.Input.Threshold
            ? await WhatIfAsync(outcome, line, cancellationToken)
            : outcome;
    }

    /// <summary>
    /// The analysis at another 80/20 line (the dashboard's slider): only the part of the analyzer the line decides
    /// (each rep's focus, the 80/20 rule) re-run on the per-rep totals the analysis holds, without the database. The
    /// result is kept on the shared cached analysis (<see cref="AnalysisSnapshot.AtThreshold"/>), so every VP moving
    /// the slider to the same line shares one result instead of each circuit keeping its own.
    /// </summary>
    public Task<AnalysisOutcome> WhatIfAsync(AnalysisOutcome analysis, decimal threshold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var input = analysis.Input ?? throw new ArgumentException("Only an analysis with its input can be re-run at another line.", nameof(analysis));
        if (threshold == input.Threshold)
        {
            return Task.FromResult(analysis);
        }
        cancellationToken.ThrowIfCancellationRequested();
        var result = analysis.Snapshot is { } shared
            ? shared.AtThreshold(threshold)
            : WorkloadAnalyzer.AtThreshold(analysis.Result!, input with { Threshold = threshold });
        return Task.FromResult(analysis with { Result = result, Input = input with { Threshold = threshold } });
    }

    /// <summary>
    /// One rep's hours per week and function over the period, from the weekly summary (the rep's details on the
    /// dashboard); within a team's scope, only the weeks the rep was in that team.
    /// </summary>
    public async Task<IReadOnlyList<RepWeekHours>> RepWeeksAsync(MemberAccess member, string email, IsoWeek from, IsoWeek to, string? team, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.MaySeeAnalysis)
        {
            return [];
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var rows = db.RepWeekSummaries.AsNoTracking()
            .Where(s => s.WeekStart >= from.Monday && s.WeekStart <= to.Monday && db.Reps.Any(r => r.Id == s.RepId && r.Email == email));
        if (team is not null || !member.SeesWholeOrganization)
        {
            var teamId = await db.Teams.Where(t => t.Name == team && (member.SeesWholeOrganization || member.ManagedTeamIds.Contains(t.Id)))
                .Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
            rows = rows.Where(s => db.RepTeamAssignments.Any(a =>
                a.RepId == s.RepId && a.TeamId == teamId && a.FromWeek <= s.WeekStart && (a.ToWeek == null || a.ToWeek > s.WeekStart)));
        }
        var weeks = await rows.ToListAsync(cancellationToken);
        return weeks
            .SelectMany(s => Enum.GetValues<SalesFunction>().Select(f => new RepWeekHours(email, IsoWeek.FromMonday(s.WeekStart), f, s.HoursOf(f))))
            .Where(h => h.Hours != 0m)
            .ToList();
    }

    private static async Task<AnalysisSnapshot> ComputeAsync(
        OrganizationAccess access, MemberAccess member, IsoWeek from, IsoWeek to, (int Id, string Name)? team, CancellationToken cancellationToken)
    {
        var organizationId = member.OrganizationId;
        // The period's sums, the database's share of the work, are read on connections of their own (one per
        // statement) while this one reads the reps and settings: none needs another until the sums meet the reps.
        var readingReps = ReadAsync(access, member, (db, ct) => PeriodSums.ReadRepsAsync(db, member.OrganizationId, from, to, team?.Id, ct), cancellationToken);
        var readingWeeks = ReadAsync(access, member, (db, ct) => PeriodSums.ReadWeeksAsync(db, member.OrganizationId, from, to, team?.Id, ct), cancellationToken);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Template, o.Threshold, o.StandardWeeklyHours, o.InboundLeadsPerMonth, o.HasSimpleSalesProcess, o.SucceedsWithGeneralists })
            .SingleAsync(cancellationToken);
        var reps = await db.Reps.AsNoTracking()
            .Select(r => new { r.Id, r.Email, r.Name, Team = r.Team == null ? null : r.Team.Name, Role = r.Role.Name, r.Role.CoreWorkload, r.IsActive, r.Role.IsAnalysed })
            .ToListAsync(cancellationToken);
        HashSet<int>? inTeam = null;
        if (team is { } scope)
        {
            // A team's analysis counts each rep-week for the team the rep was in that week; the reps who were
            // in the team at some point of the period are its reps, whichever team they are in now.
            var (fromMonday, toMonday) = (from.Monday, to.Monday);
            inTeam = (await db.RepTeamAssignments
                .Where(a => a.TeamId == scope.Id && a.FromWeek <= toMonday && (a.ToWeek == null || a.ToWeek > fromMonday))
                .Select(a => a.RepId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        }
        var analysed = reps.Where(r => r.IsActive && r.IsAnalysed && (inTeam is null || inTeam.Contains(r.Id))).ToDictionary(r => r.Id, r => r.Email);
        var leadCounts = await db.MonthlyLeadCounts.AsNoTracking()
            .Select(m => new MonthlyLeads(m.Month, m.InboundLeads))
            .ToListAsync(cancellationToken);
        var summed = PeriodSums.Hours(new PeriodSums.Rows(await readingReps, await readingWeeks), from, to, analysed);

        var input = new AnalysisInput
        {
            Template = organization.Template,
            Threshold = organization.Threshold,
            StandardWeeklyHours = organization.StandardWeeklyHours,
            From = from,
            To = to,
            Team = team?.Name,
            Reps = reps.Select(r => new AnalysisRep(r.Email, r.Name, inTeam is null ? r.Team : inTeam.Contains(r.Id) ? team!.Value.Name : null, r.Role, r.CoreWorkload, r.IsActive, r.IsAnalysed)).ToList(),
            Summed = summed,
            LeadCounts = leadCounts,
            InboundLeadsPerMonth = organization.InboundLeadsPerMonth,
            HasSimpleSalesProcess = organization.HasSimpleSalesProcess,
            SucceedsWithGeneralists = organization.SucceedsWithGeneralists,
        };
        return new AnalysisSnapshot(input, WorkloadAnalyzer.Analyze(input));
    }

    private static async Task<T> ReadAsync<T>(
        OrganizationAccess access, MemberAccess member, Func<SalesSpecDbContext, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        // Off the caller's flow at once: the caller goes on to open its own connection meanwhile.
        await Task.Yield();
        await using var db = await access.OpenAsync(member, cancellationToken);
        return await read(db, cancellationToken);
    }
}
