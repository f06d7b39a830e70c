using System.Globalization;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Analysis;

/// <summary>
/// The workload analyzer of analyzer.md: figures per rep and workload, the 80/20 rule per workload,
/// and the rules of thumb from the seeds. Pure and deterministic: same input, same output.
/// Arithmetic is in <see cref="decimal"/> so that "exactly 20 %" is exactly 20 %.
/// </summary>
public static class WorkloadAnalyzer
{
    public const decimal FocusedLimit = 0.10m;
    public const int MaxCandidates = 3;
    public const int MinimumCoreRoles = 3;
    public const int ClosersBeforeSdr = 3;

    private static readonly SalesFunction[] Functions = Enum.GetValues<SalesFunction>();
    private static readonly int FunctionCount = Functions.Length;

    public static AnalysisResult Analyze(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        var weeks = input.From.WeeksThrough(input.To);
        var workloads = Templates.WorkloadsOf(input.Template);

        var organizationReps = input.Reps.Where(r => r.IsActive && r.IsAnalysed).ToList();
        // The scope's reps in email order (the order of every list the result holds), found by email in any case.
        var scope = organizationReps
            .Where(r => input.Team is null || string.Equals(r.Team, input.Team, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        System.Array.Sort(scope.Select(r => r.Email).ToArray(), scope, StringComparer.Ordinal);
        var scopeIndex = new Dictionary<string, int>(scope.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < scope.Length; i++)
        {
            scopeIndex[scope[i].Email] = i;
        }

        var period = input.Summed
            ?? PeriodHours.Sum(input.Hours, input.From, input.To, email => scopeIndex.TryGetValue(email, out var i) ? scope[i].Email : null);
        // Arrays by the rep's place in the scope rather than dictionaries by email: 10,000 reps are looked up once.
        var hoursOf = new decimal[]?[scope.Length];
        var missingOf = new IReadOnlyList<IsoWeek>?[scope.Length];
        foreach (var row in period.Reps)
        {
            if (scopeIndex.TryGetValue(row.Email, out var i))
            {
                hoursOf[i] = Checked(row.ByFunction, scope[i].Email);
                missingOf[i] = row.WeeksWithoutHours;
            }
        }
        var hoursByWeek = period.Weeks
            .Where(w => w.Week >= input.From && w.Week <= input.To)
            .ToDictionary(w => w.Week, w => Checked(w.ByFunction, w.Week.ToString()));

        // The reps with hours in the period, as the 80/20 rule reads them and with their figures.
        var included = new List<Included>(scope.Length);
        var reps = new List<RepFigures>(scope.Length);
        for (var i = 0; i < scope.Length; i++)
        {
            if (hoursOf[i] is { } hours && Total(hours) > 0)
            {
                included.Add(new Included(scope[i].Email, scope[i].CoreWorkload, hours));
                reps.Add(Figures(scope[i], hours, input.Threshold));
            }
        }

        var totals = new decimal[FunctionCount];
        foreach (var rep in included)
        {
            for (var f = 0; f < FunctionCount; f++)
            {
                totals[f] += rep.Hours[f];
            }
        }
        var mix = Mix(workloads, totals);

        var weekly = Enumerable.Range(0, weeks)
            .Select(i => input.From.AddWeeks(i))
            .Select(week =>
            {
                var weekMix = Mix(workloads, hoursByWeek.GetValueOrDefault(week) ?? new decimal[FunctionCount]);
                return new WeekMix(week, weekMix.Total, weekMix.Workloads, weekMix.NonSelling);
            })
            .ToList();

        var allWeeks = Enumerable.Range(0, weeks).Select(input.From.AddWeeks).ToList();
        var missing = new List<MissingTimesheet>();
        for (var i = 0; i < scope.Length; i++)
        {
            var without = missingOf[i] ?? allWeeks;
            if (without.Count > 0)
            {
                missing.Add(new MissingTimesheet(scope[i].Email, without));
            }
        }

        var recommendations = new List<Recommendation>();
        recommendations.AddRange(EightyTwentyRule(input, workloads, included, organizationReps, weeks));
        recommendations.AddRange(RulesOfThumb(input, organizationReps));
        var caution = input.HasSimpleSalesProcess || input.SucceedsWithGeneralists;
        if (caution)
        {
            recommendations = recommendations.Select(r => r with { Advisory = true }).ToList();
            recommendations.Add(Caution(input));
        }
        var ordered = Ordered(recommendations);

        return new AnalysisResult(
            input.From,
            input.To,
            weeks,
            input.Template,
            input.Threshold,
            input.StandardWeeklyHours,
            mix.Total,
            1m - mix.NonSelling.Share,
            mix.Workloads,
            mix.NonSelling,
            weekly,
            reps,
            ordered,
            missing);
    }

    /// <summary>
    /// The analysis at another 80/20 line, from one already made of the same input: only what the line decides is
    /// worked out again — each rep's focus and the 80/20 rule's recommendations, from the per-rep hours the result
    /// holds. The same as <see cref="Analyze"/> of <paramref name="input"/>, without its work per week and rep
    /// (the what-if slider of an organisation of 10,000 reps).
    /// </summary>
    public static AnalysisResult AtThreshold(AnalysisResult result, AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        if (result.From != input.From || result.To != input.To || result.Template != input.Template || result.StandardWeeklyHours != input.StandardWeeklyHours)
        {
            throw new ArgumentException("The result is of another period or organisation than the input.", nameof(result));
        }
        var threshold = input.Threshold;
        var reps = result.Reps.Select(r => FocusOf(r.NonCoreShare, threshold) == r.Focus ? r : r with { Focus = FocusOf(r.NonCoreShare, threshold) }).ToList();
        var included = result.Reps
            .Select(r => new Included(r.Email, r.CoreWorkload, r.HoursByFunction is FunctionHours own ? own.Array : Functions.Select(f => r.HoursByFunction.GetValueOrDefault(f)).ToArray()))
            .ToList();
        var organizationReps = input.Reps.Where(r => r.IsActive && r.IsAnalysed).ToList();
        var caution = input.HasSimpleSalesProcess || input.SucceedsWithGeneralists;
        var eightyTwenty = EightyTwentyRule(input, Templates.WorkloadsOf(input.Template), included, organizationReps, result.Weeks)
            .Select(r => caution ? r with { Advisory = true } : r);
        var others = result.Recommendations.Where(r => r.Kind is not (RecommendationKind.SplitOutRole or RecommendationKind.AddSpecialistCapacity));
        return result with { Threshold = threshold, Reps = reps, Recommendations = Ordered(eightyTwenty.Concat(others)) };
    }

    private static List<Recommendation> Ordered(IEnumerable<Recommendation> recommendations) => recommendations
        .OrderBy(r => r.Kind)
        .ThenByDescending(r => r.Share ?? 0m)
        .ThenBy(r => r.Workload?.ToString() ?? "", StringComparer.Ordinal)
        .ToList();

    private static Focus FocusOf(decimal nonCoreShare, decimal threshold) =>
        nonCoreShare <= FocusedLimit ? Focus.Focused : nonCoreShare <= threshold ? Focus.Watch : Focus.Unfocused;

    private static void Validate(AnalysisInput input)
    {
        if (input.From > input.To)
        {
            throw new DomainRuleException($"The period starts ({input.From}) after it ends ({input.To}).");
        }
        if (input.Threshold is <= 0m or >= 1m)
        {
            throw new DomainRuleException($"The threshold is a fraction between 0 and 1; got {input.Threshold}.");
        }
        if (input.StandardWeeklyHours <= 0m)
        {
            throw new DomainRuleException($"Standard weekly hours must be more than 0; got {input.StandardWeeklyHours}.");
        }
        var emails = new HashSet<string>(input.Reps.Count, StringComparer.OrdinalIgnoreCase);
        var duplicate = input.Reps.FirstOrDefault(r => !emails.Add(r.Email));
        if (duplicate is not null)
        {
            // Named as it was first given.
            var first = input.Reps.First(r => string.Equals(r.Email, duplicate.Email, StringComparison.OrdinalIgnoreCase));
            throw new DomainRuleException($"Rep {first.Email} appears more than once.");
        }
        var foreign = input.Reps.FirstOrDefault(r => !Templates.Allows(input.Template, r.CoreWorkload));
        if (foreign is not null)
        {
            throw new DomainRuleException($"Rep {foreign.Email}'s core workload {foreign.CoreWorkload} is not part of the {input.Template} template.");
        }
    }

    private static decimal[] Checked(IReadOnlyList<decimal> hours, string of)
    {
        if (hours.Count != FunctionCount)
        {
            throw new DomainRuleException($"Hours of {of} name {hours.Count} functions, not {FunctionCount}.");
        }
        var copy = new decimal[FunctionCount];
        for (var f = 0; f < FunctionCount; f++)
        {
            if (hours[f] < 0)
            {
                throw new DomainRuleException($"Hours cannot be negative ({of}: {string.Join(", ", hours)}).");
            }
            copy[f] = hours[f];
        }
        return copy;
    }

    private static decimal Total(decimal[] hours)
    {
        var sum = 0m;
        for (var f = 0; f < hours.Length; f++)
        {
            sum += hours[f];
        }
        return sum;
    }

    /// <summary>A rep with hours in the period, as the 80/20 rule reads them.</summary>
    private readonly record struct Included(string Email, Workload CoreWorkload, decimal[] Hours);

    private static decimal HoursOf(decimal[] hours, Workload workload)
    {
        // A loop, not LINQ: this runs for every rep and workload, 80,000 times at 10,000 reps.
        var functions = Templates.FunctionsOf(workload);
        var sum = 0m;
        for (var i = 0; i < functions.Count; i++)
        {
            sum += hours[(int)functions[i]];
        }
        return sum;
    }

    private static decimal Share(decimal part, decimal whole) => whole > 0 ? part / whole : 0m;

    private static (decimal Total, IReadOnlyList<WorkloadFigure> Workloads, HoursShare NonSelling) Mix(
        IReadOnlyList<Workload> workloads, decimal[] hours)
    {
        var total = hours.Sum();
        var figures = workloads
            .Select(w => new WorkloadFigure(w, Templates.FunctionsOf(w), HoursOf(hours, w), Share(HoursOf(hours, w), total)))
            .ToList();
        var nonSelling = hours[(int)SalesFunction.NonSelling];
        return (total, figures, new HoursShare(nonSelling, Share(nonSelling, total)));
    }

    private static RepFigures Figures(AnalysisRep rep, decimal[] hours, decimal threshold)
    {
        var total = Total(hours);
        var core = HoursOf(hours, rep.CoreWorkload);
        var nonSelling = hours[(int)SalesFunction.NonSelling];
        // (H − core − non-selling) / H is 1 − coreShare − nonSellingShare without a rounding step in between.
        var nonCoreShare = (total - core - nonSelling) / total;
        var focus = FocusOf(nonCoreShare, threshold);
        return new RepFigures(
            rep.Email,
            rep.Name,
            rep.Team,
            rep.Role,
            rep.CoreWorkload,
            total,
            core / total,
            nonCoreShare,
            nonSelling / total,
            focus,
            new FunctionHours(hours));
    }

    private static IEnumerable<Recommendation> EightyTwentyRule(
        AnalysisInput input,
        IReadOnlyList<Workload> workloads,
        IReadOnlyList<Included> included,
        IReadOnlyList<AnalysisRep> organizationReps,
        int weeks)
    {
        foreach (var workload in workloads)
        {
            // One pass per workload over the reps outside it (a loop: 10,000 reps, run again at every slider move).
            var groupSize = 0;
            var onWorkload = 0m;
            var groupHours = 0m;
            var top = new List<(string Email, decimal Hours)>(MaxCandidates + 1);
            foreach (var rep in included)
            {
                if (rep.CoreWorkload == workload)
                {
                    continue;
                }
                groupSize++;
                var hours = HoursOf(rep.Hours, workload);
                onWorkload += hours;
                groupHours += Total(rep.Hours);
                if (hours > 0)
                {
                    Consider(top, rep.Email, hours);
                }
            }
            if (groupSize == 0)
            {
                continue;
            }
            var share = onWorkload / groupHours;
            if (share <= input.Threshold)
            {
                continue;
            }

            var specialistsExist = organizationReps.Any(r => r.CoreWorkload == workload);
            var weeklyHours = onWorkload / weeks;
            var fte = weeklyHours / input.StandardWeeklyHours;
            var headcount = SuggestedHeadcount(weeklyHours, input.StandardWeeklyHours);
            var candidates = top.Select(x => x.Email).ToList();
            var name = Labels.Of(workload).ToLowerInvariant();
            var evidence = $"Reps outside {name} spend {Percent(share)} of their time on it (threshold {Percent(input.Threshold)}): " +
                           $"{Number(weeklyHours)} hours a week, {Number(fte)} FTE.";
            yield return specialistsExist
                ? new Recommendation(
                    RecommendationKind.AddSpecialistCapacity, workload, share, weeklyHours, fte, headcount, candidates, false,
                    $"{evidence} {Labels.Of(workload)} specialists exist, yet others still do this work: add capacity " +
                    $"(about {Persons(headcount)}) or fix the hand-off to the specialists.",
                    "seeds 000, 003: specialists keep non-core work under 10–20%; a function taking more than 20% of the group's time needs its own capacity")
                : new Recommendation(
                    RecommendationKind.SplitOutRole, workload, share, weeklyHours, fte, headcount, candidates, false,
                    $"{evidence} Break it out into a dedicated role of about {Persons(headcount)}.",
                    "seed 003: break out a function taking more than 20% of the group's time");
        }
    }

    /// <summary>
    /// Keeps the <see cref="MaxCandidates"/> reps with the most hours on a workload, most first, ties by email:
    /// what sorting the whole group would pick, without sorting 10,000 reps for three names.
    /// </summary>
    private static void Consider(List<(string Email, decimal Hours)> top, string email, decimal hours)
    {
        var at = top.Count;
        while (at > 0 && (hours > top[at - 1].Hours || (hours == top[at - 1].Hours && string.CompareOrdinal(email, top[at - 1].Email) < 0)))
        {
            at--;
        }
        if (at < MaxCandidates)
        {
            top.Insert(at, (email, hours));
            if (top.Count > MaxCandidates)
            {
                top.RemoveAt(MaxCandidates);
            }
        }
    }

    /// <summary>
    /// Whether a rule is decided on the whole organisation whichever team is analysed: the rules of thumb count the
    /// organisation's reps and its inbound lead volume (<see cref="RulesOfThumb"/>), not the team's.
    /// </summary>
    public static bool IsOrganizationWide(RecommendationKind kind) =>
        kind is RecommendationKind.AddMarketResponseRep or RecommendationKind.HireSdrBeforeNextAe or RecommendationKind.MissingCoreRoles;

    private static IEnumerable<Recommendation> RulesOfThumb(AnalysisInput input, IReadOnlyList<AnalysisRep> organizationReps)
    {
        bool Covers(SalesFunction function) => organizationReps.Any(r => Templates.FunctionsOf(r.CoreWorkload).Contains(function));

        var leads = AverageMonthlyInboundLeads(input);
        if (leads >= input.InboundLeadsThreshold && !Covers(SalesFunction.InboundQualification))
        {
            yield return new Recommendation(
                RecommendationKind.AddMarketResponseRep, Templates.WorkloadOf(input.Template, SalesFunction.InboundQualification),
                null, null, null, null, null, false,
                $"About {Leads(leads.Value)} inbound leads arrive a month (rule of thumb: {input.InboundLeadsThreshold} or more) " +
                "and nobody's core job is to qualify them: hire an inside Market Response Rep.",
                "seed 003: a couple of hundred inbound leads a month justify an inside Market Response Rep");
        }

        var closers = organizationReps.Count(r => r.CoreWorkload == Workload.Closing);
        if (closers >= ClosersBeforeSdr && !Covers(SalesFunction.OutboundProspecting))
        {
            yield return new Recommendation(
                RecommendationKind.HireSdrBeforeNextAe, Templates.WorkloadOf(input.Template, SalesFunction.OutboundProspecting),
                null, null, null, null, null, false,
                $"{closers} reps have closing as their core job and none prospects outbound: make the next hire an outbound " +
                "Sales Development Rep, not another Account Executive.",
                "seed 003: with 3–4 AEs, make the next hire an outbound SDR, not another AE");
        }

        var covered = Templates.SellingFunctions.Where(Covers).ToList();
        if (covered.Count < MinimumCoreRoles)
        {
            var missing = Templates.SellingFunctions.Except(covered).Select(f => Labels.Of(f).ToLowerInvariant());
            yield return new Recommendation(
                RecommendationKind.MissingCoreRoles, null, null, null, null, null, null, false,
                $"Only {covered.Count} of the four selling functions are someone's core job; nobody owns {string.Join(", ", missing)}. " +
                "Almost every B2B company should have at least three of the four roles.",
                "seed 001: almost every B2B company should have at least three of the four core roles");
        }
    }

    private static Recommendation Caution(AnalysisInput input)
    {
        var reason = (input.HasSimpleSalesProcess, input.SucceedsWithGeneralists) switch
        {
            (true, true) => "has a very simple sales process and is succeeding with generalists",
            (true, false) => "has a very simple sales process (a one- or two-call close)",
            _ => "is succeeding with generalists",
        };
        return new Recommendation(
            RecommendationKind.SpecializationCaution, null, null, null, null, null, null, false,
            $"This organisation {reason}: specialisation may not pay here, so every other recommendation is advisory.",
            "seed 001: don't specialise a very simple sales process or a segment already succeeding with generalists");
    }

    /// <summary>Average over the recorded months that overlap the period; else the organisation setting; else unknown.</summary>
    public static decimal? AverageMonthlyInboundLeads(AnalysisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var first = new DateOnly(input.From.Monday.Year, input.From.Monday.Month, 1);
        var last = new DateOnly(input.To.Sunday.Year, input.To.Sunday.Month, 1);
        var months = input.LeadCounts
            .GroupBy(c => new DateOnly(c.Month.Year, c.Month.Month, 1))
            .Where(g => g.Key >= first && g.Key <= last)
            .Select(g => (decimal)g.Sum(c => c.Leads))
            .ToList();
        return months.Count > 0 ? months.Average() : input.InboundLeadsPerMonth;
    }

    /// <summary>
    /// People for a workload's weekly hours: its FTE (hours ÷ the standard week) rounded half away from zero, at least
    /// one. The recommendation states it, and the scenario board counts its people against it, so both say the same.
    /// </summary>
    public static int SuggestedHeadcount(decimal weeklyHours, decimal standardWeeklyHours) =>
        standardWeeklyHours <= 0m ? 1 : Math.Max(1, (int)Math.Round(weeklyHours / standardWeeklyHours, 0, MidpointRounding.AwayFromZero));

    /// <summary>Leads are whole: an average of 315.7 a month reads 316 wherever it is shown.</summary>
    public static string Leads(decimal leads) => leads.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(decimal share) => (share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Number(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Persons(int count) => count == 1 ? "1 person" : $"{count} people";
}
