using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Common;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Bench;

/// <summary>
/// The server work behind the week pages at real size: opening "My week" (the week, its catalogue
/// and the rep's 8-week focus), saving a typical week of 8 activities, and the team week of the
/// largest team. Runs on the database the analysis benchmark seeded.
/// </summary>
internal static class WeekBenchmark
{
    private sealed class Monday23November2026 : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    }

    public static async Task RunAsync(IDbContextFactory<SalesSpecDbContext> factory, int organizationId, int runs)
    {
        var clock = new Monday23November2026();
        var access = new OrganizationAccess(factory, NullLogger<OrganizationAccess>.Instance);
        var weeks = new WeekService(access, new WeekEntryValidator(), clock);
        var focus = new RepFocusService(access, clock);
        var teams = new TeamWeekService(access, weeks, new MailOutbox(new EmailSender(Options.Create(new SmtpOptions())), clock), clock);
        var member = new MemberAccess("bench", organizationId, "Synthetic", MemberRole.Leader, null, new HashSet<int>());

        int[] repIds;
        int largestTeam;
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.ScopeTo(organizationId);
            repIds = await db.Reps.OrderBy(r => r.Id).Select(r => r.Id).ToArrayAsync();
            largestTeam = await db.Reps.GroupBy(r => r.TeamId).OrderByDescending(g => g.Count()).Select(g => g.Key!.Value).FirstAsync();
        }
        var week = IsoWeek.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var opening = new List<double>();
        var saving = new List<double>();
        var team = new List<double>();
        var organization = new List<double>();
        var teamRows = 0;
        var organizationRows = 0;
        for (var i = -2; i < runs; i++)
        {
            var repId = repIds[(i + 2) * 97 % repIds.Length];
            var watch = Stopwatch.StartNew();
            var view = (await weeks.GetAsync(member, repId, week)).Value!;
            var repFocus = await focus.GetAsync(member, repId);
            var open = watch.Elapsed.TotalMilliseconds;

            var entry = new WeekEntry
            {
                CapacityHours = view.CapacityHours,
                Lines = view.Activities.Select((a, index) => new WeekEntryLine
                {
                    ActivityId = a.ActivityId,
                    Activity = a.Name,
                    Function = a.Function,
                    Value = index < 8 ? 5m : null,
                }).ToList(),
            };
            watch.Restart();
            var saved = await weeks.SaveAsync(member, repId, week, entry, view.Version);
            var save = watch.Elapsed.TotalMilliseconds;

            watch.Restart();
            var teamWeek = await teams.GetAsync(member, week.AddWeeks(-1), largestTeam);
            var teamMs = watch.Elapsed.TotalMilliseconds;
            teamRows = teamWeek!.Rows.Count;

            watch.Restart();
            var everyone = await teams.GetAsync(member, week.AddWeeks(-1));
            var organizationMs = watch.Elapsed.TotalMilliseconds;
            organizationRows = everyone!.Rows.Count;
            if (i >= 0)
            {
                opening.Add(open);
                saving.Add(save);
                team.Add(teamMs);
                organization.Add(organizationMs);
            }
            Console.WriteLine($"  run {i + 1,2}: open my week {open,6:F0} ms ({repFocus!.Weeks.Count} focus weeks) · save 8 activities {save,6:F0} ms ({(saved.Succeeded ? "ok" : saved.Message)}) · team week {teamMs,6:F0} ms ({teamRows} reps) · all teams {organizationMs,6:F0} ms ({organizationRows} reps)");
        }
        Console.WriteLine($"Median: open my week {DatabaseBenchmark.Median(opening):F0} ms · save a week {DatabaseBenchmark.Median(saving):F0} ms · team week of {teamRows} reps {DatabaseBenchmark.Median(team):F0} ms · all {organizationRows} reps {DatabaseBenchmark.Median(organization):F0} ms");
    }
}
