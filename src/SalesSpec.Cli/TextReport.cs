using System.Globalization;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Cli;

/// <summary>The readable report: what a consultant pastes into an email.</summary>
internal static class TextReport
{
    public static void Write(AnalysisResult result, string? team, TextWriter output)
    {
        output.WriteLine($"SalesSpec workload analysis — {result.From} to {result.To} ({result.Weeks} weeks)");
        output.WriteLine($"Scope: {(team is null ? "whole organisation" : $"team {team}")} · {result.Reps.Count} reps · " +
                         $"{Hours(result.TotalHours)} hours · selling time {Percent(result.SellingShare)}");
        output.WriteLine($"Template {result.Template} · 80/20 threshold {Percent(result.Threshold)} · standard week {Hours(result.StandardWeeklyHours)} h");
        output.WriteLine();

        output.WriteLine("WHERE THE TIME GOES");
        var mix = new TextTable("Workload", ">Hours", ">Share", ">Hours/week");
        foreach (var workload in result.Workloads)
        {
            mix.Add(Labels.Of(workload.Workload), Hours(workload.Hours), Percent(workload.Share), Hours(workload.Hours / result.Weeks));
        }
        mix.Add("Non-selling", Hours(result.NonSelling.Hours), Percent(result.NonSelling.Share), Hours(result.NonSelling.Hours / result.Weeks));
        mix.Write(output);
        output.WriteLine();

        output.WriteLine("REPS");
        if (result.Reps.Count == 0)
        {
            output.WriteLine("  No rep logged time in this period.");
        }
        else
        {
            var reps = new TextTable("Rep", "Team", "Role", "Core workload", ">Hours", ">Core", ">Non-core", ">Non-selling", "Focus");
            foreach (var rep in result.Reps)
            {
                reps.Add(rep.Email, rep.Team ?? "", rep.Role, Labels.Of(rep.CoreWorkload), Hours(rep.Hours),
                    Percent(rep.CoreShare), Percent(rep.NonCoreShare), Percent(rep.NonSellingShare), rep.Focus.ToString());
            }
            reps.Write(output);
            output.WriteLine($"  Focused: non-core ≤ 10% · Watch: ≤ {Percent(result.Threshold)} · Unfocused: above. " +
                             $"{result.Reps.Count(r => r.Focus == Focus.Unfocused)} of {result.Reps.Count} reps are unfocused.");
        }
        output.WriteLine();

        output.WriteLine("RECOMMENDATIONS");
        if (result.Recommendations.Count == 0)
        {
            output.WriteLine("  None: no function outside the reps' core jobs crosses the threshold, and no rule of thumb applies.");
        }
        var number = 0;
        foreach (var recommendation in result.Recommendations)
        {
            number++;
            output.WriteLine($"  {number}. {Title(recommendation)}{(recommendation.Advisory ? " (advisory)" : "")}   [{recommendation.Kind}]");
            if (recommendation.Share is { } share)
            {
                output.WriteLine($"     Evidence: {Percent(share)} of the group's time (threshold {Percent(result.Threshold)}) · " +
                                 $"{Hours(recommendation.WeeklyHours!.Value)} h/week · {Number(recommendation.FteEquivalent!.Value, "0.0#")} FTE · " +
                                 $"suggested headcount {recommendation.SuggestedHeadcount}");
                if (recommendation.Candidates is { Count: > 0 } candidates)
                {
                    output.WriteLine($"     Candidates: {string.Join(", ", candidates)}");
                }
            }
            output.WriteLine($"     Why: {recommendation.Rationale}");
            output.WriteLine($"     Source: {SourceArticles.Describe(recommendation.Source)}");
        }
        output.WriteLine();

        output.WriteLine("MISSING TIMESHEETS");
        if (result.MissingTimesheets.Count == 0)
        {
            output.WriteLine("  None: every rep logged time in every week.");
        }
        else
        {
            var missing = new TextTable("Rep", ">Weeks", "Which");
            foreach (var rep in result.MissingTimesheets)
            {
                missing.Add(rep.Email, rep.Weeks.Count.ToString(CultureInfo.InvariantCulture), string.Join(", ", rep.Weeks));
            }
            missing.Write(output);
        }
    }

    private static string Title(Recommendation recommendation)
    {
        var workload = recommendation.Workload is { } w ? Labels.Of(w).ToLowerInvariant() : "";
        return recommendation.Kind switch
        {
            RecommendationKind.SplitOutRole => $"Break out {workload} into its own role",
            RecommendationKind.AddSpecialistCapacity => $"Add {workload} specialist capacity (or fix the hand-off)",
            RecommendationKind.AddMarketResponseRep => "Hire a Market Response Rep for inbound leads",
            RecommendationKind.HireSdrBeforeNextAe => "Make the next hire an outbound SDR, not another AE",
            RecommendationKind.MissingCoreRoles => "Fewer than three of the four core roles exist",
            RecommendationKind.SpecializationCaution => "Be careful about specialising here",
            _ => recommendation.Kind.ToString(),
        };
    }

    private static string Percent(decimal share) => (share * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Hours(decimal hours) => hours.ToString("#,0.0", CultureInfo.InvariantCulture);

    private static string Number(decimal value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
