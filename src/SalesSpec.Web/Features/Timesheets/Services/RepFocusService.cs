using SalesSpec.Domain.Analysis;
using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>
/// A rep's own focus over the last complete weeks: the analyzer run on that rep alone (a rep's
/// shares do not depend on anyone else's), week by week and for the whole stretch.
/// </summary>
public sealed class RepFocusService(OrganizationAccess access, TimeProvider clock)
{
    public const int Weeks = 8;

    public async Task<RepFocus?> GetAsync(MemberAccess member, int repId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var rep = await db.Reps.AsNoTracking().Where(r => r.Id == repId)
            .Select(r => new { r.Id, r.Email, r.Name, r.TeamId, Team = r.Team == null ? null : r.Team.Name, Role = r.Role.Name, r.Role.CoreWorkload, r.Role.IsAnalysed })
            .SingleOrDefaultAsync(cancellationToken);
        if (rep is null || !member.MayEnterWeekOf(rep.Id, rep.TeamId))
        {
            return null;
        }
        var organization = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Template, o.Threshold, o.StandardWeeklyHours })
            .SingleAsync(cancellationToken);
        var to = member.ThisWeek(clock).AddWeeks(-1);
        var from = to.AddWeeks(-(Weeks - 1));
        var summaries = await db.RepWeekSummaries.AsNoTracking()
            .Where(s => s.RepId == repId && s.WeekStart >= from.Monday && s.WeekStart <= to.Monday)
            .ToListAsync(cancellationToken);
        var hours = summaries.SelectMany(s => Enum.GetValues<SalesFunction>().Select(f => new { s.WeekStart, Function = f, Hours = s.HoursOf(f) })).ToList();

        var analysisRep = new AnalysisRep(rep.Email, rep.Name, rep.Team, rep.Role, rep.CoreWorkload, true, rep.IsAnalysed);
        var input = new AnalysisInput
        {
            Template = organization.Template,
            Threshold = organization.Threshold,
            StandardWeeklyHours = organization.StandardWeeklyHours,
            From = from,
            To = to,
            Reps = [analysisRep],
            Hours = hours.Select(h => new RepWeekHours(rep.Email, IsoWeek.FromMonday(h.WeekStart), h.Function, h.Hours)).ToList(),
        };
        var result = WorkloadAnalyzer.Analyze(input);
        var overall = result.Reps.SingleOrDefault();
        var weeks = result.Weekly
            .Where(w => w.TotalHours > 0m)
            .Select(w =>
            {
                var core = w.Workloads.Where(f => f.Workload == rep.CoreWorkload).Sum(f => f.Share);
                return new WeekFocus(w.Week, w.TotalHours, core, 1m - core - w.NonSelling.Share, w.NonSelling.Share);
            })
            .ToList();
        return new RepFocus(rep.Id, from, to, organization.Threshold, overall, weeks, Advice(overall, rep.IsAnalysed, rep.CoreWorkload, organization.Threshold));
    }

    /// <summary>One sentence a rep can act on, drawn from the analyzer's figures for them.</summary>
    public static string Advice(RepFigures? figures, bool isAnalysed, Workload core, decimal threshold)
    {
        if (!isAnalysed)
        {
            return "Your role is not part of the workload analysis, so there is no focus to report.";
        }
        if (figures is null)
        {
            return $"Log a few weeks to see your focus here: the last {Weeks} complete weeks have no hours.";
        }
        var nonCore = Shares.Percent(figures.NonCoreShare);
        var coreName = Labels.Of(core).ToLowerInvariant();
        var biggest = figures.HoursByFunction
            .Where(f => f.Key != SalesFunction.NonSelling && Templates.FunctionsOf(core).All(c => c != f.Key))
            .OrderByDescending(f => f.Value).Select(f => Labels.Of(f.Key).ToLowerInvariant()).FirstOrDefault();
        return figures.Focus switch
        {
            Focus.Unfocused =>
                $"{nonCore} of your time goes to selling work outside {coreName}, mostly {biggest} — above the {Shares.Percent(threshold)} line where the 80/20 rule says that work deserves its own role. Worth raising with your manager.",
            Focus.Watch =>
                $"{nonCore} of your time is selling work outside {coreName} (mostly {biggest}): not yet at the {Shares.Percent(threshold)} line, but worth watching.",
            _ => $"Focused: {Shares.Percent(figures.CoreShare)} of your time is {coreName}, your core job. Keep it that way.",
        };
    }

}
