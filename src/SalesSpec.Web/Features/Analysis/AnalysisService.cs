using SalesSpec.Domain.Analysis;

namespace SalesSpec.Web.Features.Analysis;

/// <summary>
/// Runs the workload analyzer on an organisation's data. Hours are summed in SQL per rep, week and
/// function; only those sums (not time-log rows) reach the analyzer.
/// </summary>
public sealed class AnalysisService(OrganizationAccess access, TimeProvider clock)
{
    public const int DefaultWeeks = 12;

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
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Template, o.Threshold, o.StandardWeeklyHours, o.InboundLeadsPerMonth, o.HasSimpleSalesProcess, o.SucceedsWithGeneralists })
            .SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return AnalysisOutcome.OrganizationNotFound;
        }

        int? teamId = null;
        string? teamName = null;
        if (team is not null)
        {
            var teams = await db.Teams.Where(t => member.SeesWholeOrganization || member.ManagedTeamIds.Contains(t.Id))
                .Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
            var match = teams.FirstOrDefault(t => string.Equals(t.Name, team.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return AnalysisOutcome.TeamNotFound(teams.Select(t => t.Name).Order(StringComparer.OrdinalIgnoreCase).ToList());
            }
            (teamId, teamName) = (match.Id, match.Name);
        }

        var reps = await db.Reps.AsNoTracking()
            .Select(r => new { r.Id, r.Email, r.Name, Team = r.Team == null ? null : r.Team.Name, Role = r.Role.Name, r.Role.CoreWorkload, r.IsActive, r.Role.IsAnalysed })
            .ToListAsync(cancellationToken);
        var emails = reps.ToDictionary(r => r.Id, r => r.Email);

        var (fromMonday, toMonday) = (from.Monday, to.Monday);
        var logs = db.TimeLogs.Where(t => t.WeekStart >= fromMonday && t.WeekStart <= toMonday);
        HashSet<int>? inTeam = null;
        if (teamId is not null)
        {
            // A team's analysis counts each rep-week for the team the rep was in that week; the reps who were
            // in the team at some point of the period are its reps, whichever team they are in now.
            logs = logs.Where(t => db.RepTeamAssignments.Any(a =>
                a.RepId == t.RepId && a.TeamId == teamId && a.FromWeek <= t.WeekStart && (a.ToWeek == null || a.ToWeek > t.WeekStart)));
            inTeam = (await db.RepTeamAssignments
                .Where(a => a.TeamId == teamId && a.FromWeek <= toMonday && (a.ToWeek == null || a.ToWeek > fromMonday))
                .Select(a => a.RepId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        }
        var hours = await logs
            .GroupBy(t => new { t.RepId, t.WeekStart, t.Activity.Function })
            .Select(g => new { g.Key.RepId, g.Key.WeekStart, g.Key.Function, Hours = g.Sum(t => t.Hours) })
            .ToListAsync(cancellationToken);

        var leadCounts = await db.MonthlyLeadCounts.AsNoTracking()
            .Select(m => new MonthlyLeads(m.Month, m.InboundLeads))
            .ToListAsync(cancellationToken);

        var input = new AnalysisInput
        {
            Template = organization.Template,
            Threshold = threshold ?? organization.Threshold,
            StandardWeeklyHours = organization.StandardWeeklyHours,
            From = from,
            To = to,
            Team = teamName,
            Reps = reps.Select(r => new AnalysisRep(r.Email, r.Name, inTeam is null ? r.Team : inTeam.Contains(r.Id) ? teamName : null, r.Role, r.CoreWorkload, r.IsActive, r.IsAnalysed)).ToList(),
            Hours = hours.Select(h => new RepWeekHours(emails[h.RepId], IsoWeek.FromMonday(h.WeekStart), h.Function, h.Hours)).ToList(),
            LeadCounts = leadCounts,
            InboundLeadsPerMonth = organization.InboundLeadsPerMonth,
            HasSimpleSalesProcess = organization.HasSimpleSalesProcess,
            SucceedsWithGeneralists = organization.SucceedsWithGeneralists,
        };
        return AnalysisOutcome.Success(WorkloadAnalyzer.Analyze(input), input);
    }
}
