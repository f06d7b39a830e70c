using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Workshops;

/// <summary>One answer as the analysis takes it: who (a label, role and team) and their week's shares by function.</summary>
public sealed record WorkshopRespondent(
    string Label,
    string? Team,
    string Role,
    Workload CoreWorkload,
    bool IsAnalysed,
    IReadOnlyList<(SalesFunction Function, decimal Percent)> Shares);

/// <summary>
/// The analyzer run on a workshop's answers alone: each answer is one rep working the organisation's standard week
/// (FTE 1) split by its percentages, in one week (the workshop's). Everything else — the template, the 80/20 line,
/// the lead counts and rules of thumb — is the organisation's, as on the dashboard.
/// </summary>
public static class WorkshopAnalysis
{
    /// <summary>The analyzer keys reps by email; answers have none it may use, so each gets one that cannot be real.</summary>
    public static string KeyOf(int index) => $"answer-{index + 1}@workshop.invalid";

    /// <summary>The hours of a typical week: the standard week × the percentage, summed per function.</summary>
    public static IReadOnlyDictionary<SalesFunction, decimal> Hours(WorkshopRespondent respondent, decimal standardWeeklyHours)
    {
        if (standardWeeklyHours <= 0m)
        {
            throw new DomainRuleException("The organisation has no standard week to take percentages of.");
        }
        return respondent.Shares
            .GroupBy(share => share.Function)
            .ToDictionary(group => group.Key, group => standardWeeklyHours * group.Sum(share => share.Percent) / 100m);
    }

    /// <summary>
    /// The analyzer's input for the answers: <paramref name="organization"/> gives the settings (its reps and hours
    /// are replaced by the answers'), <paramref name="week"/> the one week they describe.
    /// </summary>
    public static AnalysisInput Input(IReadOnlyList<WorkshopRespondent> respondents, AnalysisInput organization, IsoWeek week)
    {
        var reps = new List<AnalysisRep>(respondents.Count);
        var hours = new List<RepWeekHours>();
        for (var i = 0; i < respondents.Count; i++)
        {
            var respondent = respondents[i];
            var key = KeyOf(i);
            reps.Add(new AnalysisRep(key, respondent.Label, respondent.Team, respondent.Role, respondent.CoreWorkload, IsActive: true, respondent.IsAnalysed));
            hours.AddRange(Hours(respondent, organization.StandardWeeklyHours)
                .Where(function => function.Value > 0m)
                .Select(function => new RepWeekHours(key, week, function.Key, function.Value)));
        }
        return organization with
        {
            From = week,
            To = week,
            Team = null,
            Reps = reps,
            Hours = hours,
            Summed = null,
        };
    }
}
