using SalesSpec.Domain.Analysis;

namespace SalesSpec.Web.Components.Shared;

/// <summary>A recommendation's headline, the same words on the dashboard, the scenario pages, the report and the exports.</summary>
public static class RecommendationText
{
    public static string Title(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var workload = recommendation.Workload is { } w ? Labels.Of(w).ToLowerInvariant() : "";
        return recommendation.Kind switch
        {
            RecommendationKind.SplitOutRole => $"Break out {workload} into its own role",
            RecommendationKind.AddSpecialistCapacity => $"Add {workload} capacity, or fix the hand-off",
            RecommendationKind.AddMarketResponseRep => "Hire an inside Market Response Rep for the inbound leads",
            RecommendationKind.HireSdrBeforeNextAe => "Make the next hire an outbound SDR, not another AE",
            RecommendationKind.MissingCoreRoles => "Give the missing core functions an owner",
            _ => "Specialise with care",
        };
    }

    /// <summary>
    /// When the suggested headcount is larger than the candidates named (at most three, as the analyzer's contract
    /// says), where the other seats come from; null when the names cover it.
    /// </summary>
    public static string? OtherSeats(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        var named = recommendation.Candidates?.Count ?? 0;
        if (recommendation.SuggestedHeadcount is not int headcount || headcount <= named)
        {
            return null;
        }
        var more = headcount - named;
        return named == 0
            ? $"Nobody outside the role does this work yet: the {Numbers.People(headcount)} come from moves or hires."
            : $"{named} named here; {more} more from moves or hires.";
    }

    /// <summary>
    /// On a team's analysis, what a rule decided on the whole organisation says about it ("18 reps" on a 6-rep team are
    /// the organisation's); null on the organisation's analysis and for the team's own rules.
    /// </summary>
    public static string? OrganizationWide(Recommendation recommendation, string? team)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        if (team is null || !WorkloadAnalyzer.IsOrganizationWide(recommendation.Kind))
        {
            return null;
        }
        return recommendation.Kind == RecommendationKind.AddMarketResponseRep
            ? $"Organisation-wide: the organisation's lead volume, and who qualifies leads across the whole organisation, not only the {team} team."
            : $"Organisation-wide: counted across the whole organisation, not only the {team} team.";
    }
}
