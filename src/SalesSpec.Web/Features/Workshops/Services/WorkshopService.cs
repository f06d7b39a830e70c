using System.Security.Cryptography;
using FluentValidation;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Workshops;

namespace SalesSpec.Web.Features.Workshops.Services;

/// <summary>
/// The consultant's side of a live workshop: open one, show it on the projector, reveal, close, reopen and delete it.
/// Every change is audited (the member's context) and announced to the projector pages (<see cref="WorkshopNotifier"/>).
/// </summary>
public sealed class WorkshopService(OrganizationAccess access, IValidator<WorkshopForm> validator, WorkshopNotifier notifier, TimeProvider clock)
{
    public const string NotAllowed = "Only Admins, Leaders and Consultants run workshops.";
    public const string NotFound = "This workshop does not exist in this organisation (it may have been deleted).";

    public async Task<IReadOnlyList<WorkshopSummary>> ListAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!MayRun(member))
        {
            return [];
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var rows = await db.WorkshopSessions.AsNoTracking()
            .Select(s => new
            {
                Session = s,
                Team = db.Teams.Where(t => t.Id == s.TeamId).Select(t => t.Name).FirstOrDefault(),
                Answers = db.WorkshopAnswers.Count(a => a.SessionId == s.Id),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return rows
            .Select(r => Summary(r.Session, r.Team, r.Answers, now))
            .OrderByDescending(s => s.CreatedAt)
            .ToList();
    }

    /// <summary>The teams a workshop may be for (not archived), by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> TeamsAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => !t.IsArchived).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        return teams.Select(t => (t.Id, t.Name)).ToList();
    }

    public static bool MayRun(MemberAccess member) => member is not null && member.MayPlanScenarios && !member.IsArchived;

    /// <summary>Opens a workshop with a fresh join code and answers its id.</summary>
    public async Task<Outcome<int>> CreateAsync(MemberAccess member, WorkshopForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(form);
        if (!MayRun(member))
        {
            return Outcome.Forbidden<int>(NotAllowed);
        }
        var problems = await validator.ErrorsAsync([form], cancellationToken);
        if (problems.Count > 0)
        {
            return Outcome.Invalid<int>(problems);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        if (form.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId && !t.IsArchived, cancellationToken))
        {
            return Outcome.Invalid<int>("Choose a team of this organisation, or the whole organisation.");
        }
        // 27⁸ ≈ 2.8 × 10¹¹ codes: a clash is rare enough that trying again a few times always finds a free one.
        for (var attempt = 0; ; attempt++)
        {
            var code = JoinCode.Create(RandomNumberGenerator.GetInt32);
            if (!await db.WorkshopSessions.AcrossOrganizations().AnyAsync(s => s.Code == code.Value, cancellationToken) || attempt >= 5)
            {
                var session = new WorkshopSession(member.OrganizationId, form.Title.Trim(), form.TeamId, form.IsAnonymous, code, member.UserId, clock.GetUtcNow());
                db.WorkshopSessions.Add(session);
                await db.SaveChangesAsync(cancellationToken);
                return Outcome.Done(session.Id);
            }
        }
    }

    public Task<Outcome<bool>> CloseAsync(MemberAccess member, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(member, id, (session, now) => session.Close(now), cancellationToken);

    public Task<Outcome<bool>> ReopenAsync(MemberAccess member, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(member, id, (session, now) => session.Reopen(now), cancellationToken);

    public Task<Outcome<bool>> RevealAsync(MemberAccess member, int id, bool revealed, CancellationToken cancellationToken = default) =>
        ChangeAsync(member, id, (session, _) => session.Reveal(revealed), cancellationToken);

    /// <summary>Deletes the workshop with its answers (the phones then see an unknown code).</summary>
    public async Task<Outcome<bool>> DeleteAsync(MemberAccess member, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!MayRun(member))
        {
            return Outcome.Forbidden<bool>(NotAllowed);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var session = await db.WorkshopSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return Outcome.NotFound<bool>(NotFound);
        }
        db.WorkshopSessions.Remove(session);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.PublishAsync(id, cancellationToken);
        return Outcome.Done(true);
    }

    private async Task<Outcome<bool>> ChangeAsync(MemberAccess member, int id, Action<WorkshopSession, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!MayRun(member))
        {
            return Outcome.Forbidden<bool>(NotAllowed);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var session = await db.WorkshopSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return Outcome.NotFound<bool>(NotFound);
        }
        try
        {
            change(session, clock.GetUtcNow());
        }
        catch (DomainRuleException exception)
        {
            return Outcome.Invalid<bool>(exception.Message);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict<bool>("Someone else changed this workshop at the same moment; nothing was saved. Try again.");
        }
        await notifier.PublishAsync(id, cancellationToken);
        return Outcome.Done(true);
    }

    /// <summary>What the projector shows now: the session, every answer and the analysis of the answers alone.</summary>
    public async Task<Outcome<WorkshopBoard>> BoardAsync(MemberAccess member, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!MayRun(member))
        {
            return Outcome.Forbidden<WorkshopBoard>(NotAllowed);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var session = await db.WorkshopSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return Outcome.NotFound<WorkshopBoard>(NotFound);
        }
        var answers = await db.WorkshopAnswers.AsNoTracking().Include(a => a.Shares)
            .Where(a => a.SessionId == id)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Template, o.Threshold, o.StandardWeeklyHours, o.InboundLeadsPerMonth, o.HasSimpleSalesProcess, o.SucceedsWithGeneralists, o.ShowsReferenceFigures })
            .SingleAsync(cancellationToken);
        var roles = await db.SalesRoles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => new { r.Name, r.CoreWorkload, r.IsAnalysed }, cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var functions = await db.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Function, cancellationToken);
        var leadCounts = await db.MonthlyLeadCounts.AsNoTracking().Select(m => new MonthlyLeads(m.Month, m.InboundLeads)).ToListAsync(cancellationToken);

        var shown = new List<WorkshopBoardAnswer>(answers.Count);
        var respondents = new List<WorkshopRespondent>(answers.Count);
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            var label = session.IsAnonymous ? answer.Initials ?? $"#{i + 1}" : answer.Name ?? $"#{i + 1}";
            var team = answer.TeamId is { } teamId ? teams.GetValueOrDefault(teamId) : null;
            var shares = answer.Shares
                .Where(s => functions.ContainsKey(s.ActivityId))
                .Select(s => (Function: functions[s.ActivityId], s.Percent))
                .ToList();
            var percent = shares.GroupBy(s => s.Function).ToDictionary(g => g.Key, g => g.Sum(s => s.Percent));
            var role = roles.GetValueOrDefault(answer.RoleId);
            shown.Add(new WorkshopBoardAnswer(answer.Id, label, session.IsAnonymous ? null : answer.Name, session.IsAnonymous ? null : answer.Email,
                role?.Name ?? "a deleted role", team, percent, answer.UpdatedAt));
            if (role is not null)
            {
                respondents.Add(new WorkshopRespondent(label, team, role.Name, role.CoreWorkload, role.IsAnalysed, shares));
            }
        }
        var settings = new AnalysisInput
        {
            Template = organization.Template,
            Threshold = organization.Threshold,
            StandardWeeklyHours = organization.StandardWeeklyHours,
            From = member.ThisWeek(clock),
            To = member.ThisWeek(clock),
            Reps = [],
            Hours = [],
            LeadCounts = leadCounts,
            InboundLeadsPerMonth = organization.InboundLeadsPerMonth,
            HasSimpleSalesProcess = organization.HasSimpleSalesProcess,
            SucceedsWithGeneralists = organization.SucceedsWithGeneralists,
        };
        var input = WorkshopAnalysis.Input(respondents, settings, member.ThisWeek(clock));
        var sessionTeam = session.TeamId is { } sessionTeamId ? teams.GetValueOrDefault(sessionTeamId) : null;
        return Outcome.Done(new WorkshopBoard(Summary(session, sessionTeam, answers.Count, clock.GetUtcNow()), session.IsRevealed, session.Version,
            shown, input, WorkloadAnalyzer.Analyze(input), organization.ShowsReferenceFigures));
    }

    /// <summary>Every share of every answer, for the CSV: one line per answer and activity, in the order the answers came.</summary>
    public async Task<Outcome<IReadOnlyList<WorkshopExportLine>>> ExportAsync(MemberAccess member, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!MayRun(member))
        {
            return Outcome.Forbidden<IReadOnlyList<WorkshopExportLine>>(NotAllowed);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var session = await db.WorkshopSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return Outcome.NotFound<IReadOnlyList<WorkshopExportLine>>(NotFound);
        }
        var answers = await db.WorkshopAnswers.AsNoTracking().Include(a => a.Shares)
            .Where(a => a.SessionId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var roles = await db.SalesRoles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var activities = await db.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new { a.Name, a.Function }, cancellationToken);
        var lines = new List<WorkshopExportLine>();
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            foreach (var share in answer.Shares.OrderBy(s => activities.GetValueOrDefault(s.ActivityId)?.Function).ThenBy(s => s.ActivityId))
            {
                var activity = activities.GetValueOrDefault(share.ActivityId);
                lines.Add(new WorkshopExportLine(i + 1, answer.Name, answer.Initials, answer.Email, roles.GetValueOrDefault(answer.RoleId) ?? "",
                    answer.TeamId is { } team ? teams.GetValueOrDefault(team) : null, activity?.Name ?? "", activity?.Function, share.Percent, answer.UpdatedAt));
            }
        }
        return Outcome.Done<IReadOnlyList<WorkshopExportLine>>(lines);
    }

    private static WorkshopSummary Summary(WorkshopSession session, string? team, int answers, DateTimeOffset now) => new(
        session.Id, session.Title, session.JoinCode.Display, team, session.IsAnonymous, answers, session.CreatedAt, session.ExpiresAt,
        session.IsExpired(now) ? WorkshopState.Expired : session.ClosedAt is null ? WorkshopState.Open : WorkshopState.Closed);
}
