using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Formats.AnalysisJson;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Analysis;

/// <summary>
/// The analysis read from the weekly summary is the analysis of the time logs themselves: the same JSON as the
/// analyzer on a fresh GROUP BY of the rows (as the app read them before the summary), for long and short periods,
/// whole organisation and team, at the saved threshold and a what-if one; and the cache never serves a result the
/// data has moved past.
/// </summary>
public sealed class SummaryAnalysisTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    /// <summary>The analyzer's input as the app built it from the time logs before the weekly summary.</summary>
    private static async Task<AnalysisInput> FromTimeLogsAsync(TestDatabase database, IsoWeek from, IsoWeek to, string? team, decimal? threshold = null)
    {
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var organization = await db.Organizations.SingleAsync();
        var teamId = team is null ? (int?)null : await db.Teams.Where(t => t.Name == team).Select(t => t.Id).SingleAsync();
        var reps = await db.Reps.AsNoTracking()
            .Select(r => new { r.Id, r.Email, r.Name, Team = r.Team == null ? null : r.Team.Name, Role = r.Role.Name, r.Role.CoreWorkload, r.IsActive, r.Role.IsAnalysed })
            .ToListAsync();
        var emails = reps.ToDictionary(r => r.Id, r => r.Email);
        var (fromMonday, toMonday) = (from.Monday, to.Monday);
        var logs = db.TimeLogs.Where(t => t.WeekStart >= fromMonday && t.WeekStart <= toMonday);
        HashSet<int>? inTeam = null;
        if (teamId is not null)
        {
            logs = logs.Where(t => db.RepTeamAssignments.Any(a =>
                a.RepId == t.RepId && a.TeamId == teamId && a.FromWeek <= t.WeekStart && (a.ToWeek == null || a.ToWeek > t.WeekStart)));
            inTeam = (await db.RepTeamAssignments
                .Where(a => a.TeamId == teamId && a.FromWeek <= toMonday && (a.ToWeek == null || a.ToWeek > fromMonday))
                .Select(a => a.RepId).Distinct().ToListAsync()).ToHashSet();
        }
        var hours = await logs
            .GroupBy(t => new { t.RepId, t.WeekStart, t.Activity.Function })
            .Select(g => new { g.Key.RepId, g.Key.WeekStart, g.Key.Function, Hours = g.Sum(t => t.Hours) })
            .ToListAsync();
        return new AnalysisInput
        {
            Template = organization.Template,
            Threshold = threshold ?? organization.Threshold,
            StandardWeeklyHours = organization.StandardWeeklyHours,
            From = from,
            To = to,
            Team = team,
            Reps = reps.Select(r => new AnalysisRep(r.Email, r.Name, inTeam is null ? r.Team : inTeam.Contains(r.Id) ? team : null, r.Role, r.CoreWorkload, r.IsActive, r.IsAnalysed)).ToList(),
            Hours = hours.Select(h => new RepWeekHours(emails[h.RepId], IsoWeek.FromMonday(h.WeekStart), h.Function, h.Hours)).ToList(),
            LeadCounts = await db.MonthlyLeadCounts.AsNoTracking().Select(m => new MonthlyLeads(m.Month, m.InboundLeads)).ToListAsync(),
            InboundLeadsPerMonth = organization.InboundLeadsPerMonth,
            HasSimpleSalesProcess = organization.HasSimpleSalesProcess,
            SucceedsWithGeneralists = organization.SucceedsWithGeneralists,
        };
    }

    /// <summary>Two and a half years of scattered weeks for some reps (gaps, zero weeks), so a period spans several words of logged-week bits.</summary>
    private static async Task ScatterAsync(TestDatabase database, int seed)
    {
        var random = new Random(seed);
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var emails = await db.Reps.Select(r => r.Email).OrderBy(e => e).ToListAsync();
        var activities = await db.Activities.Where(a => !a.IsArchived).Select(a => a.Name).OrderBy(n => n).ToListAsync();
        var thisWeek = IsoWeek.Containing(Clock.Today);
        var csv = new StringBuilder("week,rep_email,rep_name,team,role,activity,hours\n");
        foreach (var email in emails.Where((_, i) => i % 3 != 2))
        {
            for (var back = 30; back < 140; back++)
            {
                if (random.Next(0, 5) == 0)
                {
                    continue;
                }
                foreach (var activity in activities.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
                {
                    var hours = random.Next(0, 6) == 0 ? 0m : Math.Round((decimal)random.NextDouble() * 15m, random.Next(0, 5));
                    csv.Append(CultureInfo.InvariantCulture, $"{thisWeek.AddWeeks(-back)},{email},,,,{activity},{hours}\n");
                }
            }
        }
        var import = new TimeLogImportService(database.Access, Clock, NullLogger<TimeLogImportService>.Instance, Microsoft.Extensions.Options.Options.Create(new ImportOptions()));
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var report = await import.ImportAsync(await database.MemberAsync(DemoOrganization.Name, MemberRole.Consultant), file, dryRun: false, "history.csv");
        report.Errors.ShouldBeEmpty();
        report.Imported.ShouldBeTrue();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_summary_gives_the_analysis_of_the_time_logs_for_any_period_scope_and_threshold(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        await ScatterAsync(database, seed: 7);
        var service = new AnalysisService(database.Access, Clock);
        var member = await database.MemberAsync(DemoOrganization.Name);
        var lastWeek = IsoWeek.Containing(Clock.Today).AddWeeks(-1);
        // 12 and 52 weeks as on the dashboard, 63 (one week past a word), 124 and 150 (three words, weeks without any row).
        foreach (var weeks in new[] { 1, 12, 52, 63, 124, 150 })
        {
            foreach (var team in new string?[] { null, "Commercial" })
            {
                var from = lastWeek.AddWeeks(-(weeks - 1));
                var expected = WorkloadAnalyzer.Analyze(await FromTimeLogsAsync(database, from, lastWeek, team));
                var outcome = await service.AnalyzeAsync(member, from, lastWeek, team);
                AnalysisJsonWriter.Serialize(outcome.Result!).ShouldBe(AnalysisJsonWriter.Serialize(expected), $"{weeks} weeks, team {team ?? "(all)"}");

                var whatIf = await service.AnalyzeAsync(member, from, lastWeek, team, threshold: 0.12m);
                AnalysisJsonWriter.Serialize(whatIf.Result!).ShouldBe(
                    AnalysisJsonWriter.Serialize(WorkloadAnalyzer.Analyze(await FromTimeLogsAsync(database, from, lastWeek, team, 0.12m))), $"what-if, {weeks} weeks, team {team ?? "(all)"}");
            }
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_saved_week_shows_in_the_next_analysis_and_an_unchanged_one_comes_from_the_cache(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        await using var services = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
        var service = new AnalysisService(database.Access, Clock, services.GetRequiredService<HybridCache>());
        var leader = await database.MemberAsync(DemoOrganization.Name);
        var (from, to) = service.DefaultPeriod(leader);

        var first = await service.AnalyzeAsync(leader, from, to);
        var again = await service.AnalyzeAsync(leader, from, to);
        again.Result.ShouldBeSameAs(first.Result, "nothing changed: the cached result, not a copy");

        // A rep saves a week of the period: the next analysis counts it.
        var rep = first.Result!.Reps[0];
        var repId = await database.RepIdAsync(DemoOrganization.Name, rep.Email);
        var weeks = new WeekService(database.Access, new WeekEntryValidator(), Clock);
        var view = (await weeks.GetAsync(await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin), repId, to)).Value!;
        var demos = view.Activities.First(a => a.Name == "Demos");
        var entry = new WeekEntry { Lines = [new WeekEntryLine { ActivityId = demos.ActivityId, Activity = demos.Name, Function = demos.Function, Value = (demos.Hours ?? 0m) + 7m }] };
        entry.Lines.AddRange(view.Activities.Where(a => a.ActivityId != demos.ActivityId && a.Hours > 0).Select(a => new WeekEntryLine { ActivityId = a.ActivityId, Activity = a.Name, Function = a.Function, Value = a.Hours }));
        var saved = await weeks.SaveAsync(await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin), repId, to, entry, view.Version);
        saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Errors));

        var after = await service.AnalyzeAsync(leader, from, to);
        after.Result.ShouldNotBeSameAs(first.Result);
        after.Result!.Reps.Single(r => r.Email == rep.Email).Hours.ShouldBe(rep.Hours + 7m);
        after.Result.TotalHours.ShouldBe(first.Result.TotalHours + 7m);
    }
}
