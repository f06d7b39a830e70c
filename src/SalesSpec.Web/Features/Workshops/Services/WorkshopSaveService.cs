using System.Globalization;
using SalesSpec.Domain.Workshops;
using SalesSpec.Formats.TimeLogCsv;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.Workshops.Services;

/// <summary>
/// Saves a named workshop's answers as one week's time logs: each answer becomes its rep's week, the organisation's
/// standard hours × the rep's FTE split by the answer's percentages. It is a time-log import whose source is the
/// answers, so it has everything an import has: all or nothing, a preview, locked weeks refused, the week replaced
/// as a whole, one undoable history entry and an audit entry.
/// </summary>
public sealed class WorkshopSaveService(OrganizationAccess access, TimeLogImportService imports)
{
    public const string Anonymous = "An anonymous workshop's answers name nobody, so they cannot become anyone's time logs.";

    /// <summary>
    /// Matches every answer to a rep (by email, else by a name only one rep has) and imports them as
    /// <paramref name="week"/>'s time logs; <paramref name="dryRun"/> only says what it would do.
    /// Answers of people new to the organisation create reps only with <paramref name="createNewReps"/>;
    /// answers that match nobody are left out, each with its reason.
    /// </summary>
    public async Task<Outcome<WorkshopSaveResult>> SaveAsync(
        MemberAccess member, int sessionId, IsoWeek week, bool createNewReps, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!WorkshopService.MayRun(member) || !member.MayImport)
        {
            return Outcome.Forbidden<WorkshopSaveResult>(WorkshopService.NotAllowed);
        }
        List<WorkshopAnswer> answers;
        Dictionary<string, (string Name, decimal Fte)> reps;
        WorkshopSession? session;
        Dictionary<int, string> roles;
        Dictionary<int, string> teams;
        Dictionary<int, (string Name, SalesFunction Function)> activities;
        decimal standardHours;
        await using (var db = await access.OpenAsync(member, cancellationToken))
        {
            session = await db.WorkshopSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null)
            {
                return Outcome.NotFound<WorkshopSaveResult>(WorkshopService.NotFound);
            }
            if (session.IsAnonymous)
            {
                return Outcome.Invalid<WorkshopSaveResult>(Anonymous);
            }
            answers = await db.WorkshopAnswers.AsNoTracking().Include(a => a.Shares)
                .Where(a => a.SessionId == sessionId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
            var known = await db.Reps.AsNoTracking().Select(r => new { r.Email, r.Name, r.Fte }).ToListAsync(cancellationToken);
            reps = known.ToDictionary(r => r.Email, r => (r.Name, r.Fte), StringComparer.Ordinal);
            roles = await db.SalesRoles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
            teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            activities = await db.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Name, a.Function), cancellationToken);
            standardHours = await db.Organizations.AsNoTracking().Select(o => o.StandardWeeklyHours).SingleAsync(cancellationToken);
        }
        if (answers.Count == 0)
        {
            return Outcome.Invalid<WorkshopSaveResult>("Nobody has answered yet: there is nothing to save.");
        }

        var lines = Match(answers, reps, roles, createNewReps);
        if (!lines.Any(l => l.IsSaved))
        {
            return Outcome.Done(new WorkshopSaveResult(lines, week, TimeLogImportReport.Failed(
                "No answer can be saved: " + (lines.Any(l => l.Match == WorkshopMatch.NewRep)
                    ? "every answer is from someone new to the organisation; tick \"Create the new reps\" to add them."
                    : "none matches a rep of the organisation by email or name."), dryRun)));
        }
        var title = session.Title;
        var saved = lines.Count(l => l.IsSaved);
        var report = await imports.ImportRowsAsync(member, dryRun, (target, ct) =>
        {
            var newReps = new List<CsvRep>();
            var sample = new List<ImportSampleRow>();
            var rows = 0;
            foreach (var line in lines.Where(l => l.IsSaved))
            {
                ct.ThrowIfCancellationRequested();
                var answer = answers[line.Number - 1];
                var email = line.RepEmail!;
                var fte = reps.TryGetValue(email, out var rep) ? rep.Fte : 1m;
                if (!target.ExistingReps.ContainsKey(email))
                {
                    newReps.Add(new CsvRep(email, answer.Name, answer.TeamId is { } team ? teams.GetValueOrDefault(team) : null, roles.GetValueOrDefault(answer.RoleId), line.Number));
                }
                foreach (var share in answer.Shares.Where(s => activities.ContainsKey(s.ActivityId)))
                {
                    var hours = HoursOf(standardHours, fte, share.Percent);
                    if (hours <= 0m)
                    {
                        continue;
                    }
                    rows++;
                    // The answer's number stands for a file's line: the report and the locked weeks name it.
                    target.Staging.Add(line.Number, email, week.Monday, share.ActivityId, (long)(hours * 10_000m));
                    if (sample.Count < TimeLogImportService.SampleSize)
                    {
                        sample.Add(new ImportSampleRow(line.Number, week.ToString(), email, activities[share.ActivityId].Name, activities[share.ActivityId].Function, hours));
                    }
                }
            }
            return new ImportRead(rows, [], 0, [], newReps, sample);
        }, report => string.Create(CultureInfo.InvariantCulture,
            $"Saved {saved} of {answers.Count} answers of workshop '{title}' as the time logs of {week}: {report.WeeksReplaced} rep-weeks ({report.WeeksWithEarlierData} replaced), {report.RepsCreated} new reps."),
            cancellationToken);
        return Outcome.Done(new WorkshopSaveResult(lines, week, report));
    }

    /// <summary>A share of the standard week in hours, to the quarter of a minute the time logs keep (4 decimals).</summary>
    public static decimal HoursOf(decimal standardWeeklyHours, decimal fte, decimal percent) =>
        decimal.Round(standardWeeklyHours * fte * percent / 100m, 4, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Who each answer is: the rep with the answer's email; else the one rep with its name (two reps of that name match
    /// neither); else someone new (created when <paramref name="createNewReps"/>, if the answer gave an email: a rep is
    /// known by their email).
    /// Two answers of one rep save neither: the room would not know which week is theirs.
    /// </summary>
    internal static IReadOnlyList<WorkshopSaveLine> Match(
        IReadOnlyList<WorkshopAnswer> answers, IReadOnlyDictionary<string, (string Name, decimal Fte)> reps, IReadOnlyDictionary<int, string> roles, bool createNewReps)
    {
        var byName = reps.GroupBy(r => r.Value.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Key).ToList(), StringComparer.OrdinalIgnoreCase);
        var lines = new List<WorkshopSaveLine>(answers.Count);
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            var name = answer.Name ?? $"#{i + 1}";
            var email = answer.Email?.Trim().ToLowerInvariant();
            if (email is not null && reps.TryGetValue(email, out var rep))
            {
                lines.Add(new WorkshopSaveLine(i + 1, name, rep.Name, email, WorkshopMatch.Email, null));
            }
            else if (byName.TryGetValue(name.Trim(), out var namesakes) && namesakes.Count == 1)
            {
                lines.Add(new WorkshopSaveLine(i + 1, name, reps[namesakes[0]].Name, namesakes[0], WorkshopMatch.Name, null));
            }
            else if (byName.TryGetValue(name.Trim(), out var several) && several.Count > 1 && email is null)
            {
                lines.Add(new WorkshopSaveLine(i + 1, name, null, null, WorkshopMatch.None,
                    $"{several.Count} reps are called {name}; without an email the answer cannot say which. Left out."));
            }
            else if (email is null)
            {
                lines.Add(new WorkshopSaveLine(i + 1, name, null, null, WorkshopMatch.None,
                    "No rep has this name, and the answer gave no email to create one with. Left out."));
            }
            else if (!roles.ContainsKey(answer.RoleId))
            {
                lines.Add(new WorkshopSaveLine(i + 1, name, null, email, WorkshopMatch.None, "The role this answer chose has been deleted. Left out."));
            }
            else
            {
                lines.Add(new WorkshopSaveLine(i + 1, name, answer.Name, email, WorkshopMatch.NewRep,
                    createNewReps ? null : "New to the organisation: left out unless the new reps are created."));
            }
        }
        foreach (var twice in lines.Where(l => l.IsSaved || l.Match == WorkshopMatch.NewRep).GroupBy(l => l.RepEmail).Where(g => g.Count() > 1).ToList())
        {
            var numbers = string.Join(" and ", twice.Select(l => $"#{l.Number}"));
            foreach (var line in twice)
            {
                lines[line.Number - 1] = line with { Problem = $"Answers {numbers} are both {line.RepName ?? line.RepEmail}'s; neither is saved. Delete one on the phone or in the CSV." };
            }
        }
        return lines;
    }
}

/// <summary>How an answer found its rep.</summary>
public enum WorkshopMatch
{
    None,
    Email,
    Name,
    NewRep,
}

/// <summary>One answer and whose week it becomes; <see cref="Problem"/> says why it is left out.</summary>
public sealed record WorkshopSaveLine(int Number, string Answer, string? RepName, string? RepEmail, WorkshopMatch Match, string? Problem)
{
    public bool IsSaved => Problem is null && RepEmail is not null;
}

/// <summary>The answers' matches and the import they made (or would make).</summary>
public sealed record WorkshopSaveResult(IReadOnlyList<WorkshopSaveLine> Lines, IsoWeek Week, TimeLogImportReport Report);
