using Microsoft.EntityFrameworkCore;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features;

public sealed class DemoOrganizationTests
{
    private static readonly DemoData Demo = DemoOrganization.Build(FixedClock.Monday23November2026);

    [Fact]
    public void It_is_a_lumped_team_of_about_twenty_in_three_teams()
    {
        Demo.Organization.Name.ShouldBe("Northwind Cloud");
        Demo.Reps.Count.ShouldBe(20);
        Demo.Organization.Teams.Select(t => t.Name).ShouldBe(["Enterprise", "Mid-Market", "Commercial"]);
        var byRole = Demo.Reps.GroupBy(r => r.Role.Name).ToDictionary(g => g.Key, g => g.Count());
        byRole["Full-Cycle Rep"].ShouldBeGreaterThan(10);
        byRole["Account Executive"].ShouldBeInRange(2, 4);
        byRole["Sales Manager"].ShouldBe(1);
        Demo.Reps.Select(r => r.Email).Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public void It_covers_the_twelve_weeks_ending_last_week()
    {
        Demo.LastWeek.ToString().ShouldBe("2026-W47");
        Demo.FirstWeek.ToString().ShouldBe("2026-W36");
        Demo.TimeLogs.Min(t => t.WeekStart).ShouldBe(Demo.FirstWeek.Monday);
        Demo.TimeLogs.Max(t => t.WeekStart).ShouldBe(Demo.LastWeek.Monday);
    }

    [Fact]
    public void Closers_spend_clearly_more_than_twenty_percent_on_inbound_qualification()
    {
        var closers = Demo.TimeLogs.Where(t => t.Rep.Role.IsAnalysed && t.Rep.Role.CoreWorkload == Workload.Closing).ToList();
        var inbound = closers.Where(t => t.Activity.Function == SalesFunction.InboundQualification).Sum(t => t.Hours);

        (inbound / closers.Sum(t => t.Hours)).ShouldBeGreaterThan(0.23m);
    }

    [Fact]
    public void Some_reps_are_unfocused_and_some_are_not()
    {
        var nonCoreShares = Demo.TimeLogs
            .Where(t => t.Rep.Role.IsAnalysed)
            .GroupBy(t => t.Rep)
            .Select(g =>
            {
                var core = Templates.FunctionsOf(g.Key.Role.CoreWorkload);
                var total = g.Sum(t => t.Hours);
                var coreHours = g.Where(t => core.Contains(t.Activity.Function)).Sum(t => t.Hours);
                var nonSelling = g.Where(t => t.Activity.Function == SalesFunction.NonSelling).Sum(t => t.Hours);
                return (total - coreHours - nonSelling) / total;
            })
            .ToList();

        nonCoreShares.Count(s => s > Demo.Organization.Threshold).ShouldBeGreaterThan(5);
        nonCoreShares.Count(s => s <= Demo.Organization.Threshold).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void Exactly_two_reps_have_missing_weeks()
    {
        var weeksByRep = Demo.TimeLogs.GroupBy(t => t.Rep.Email).ToDictionary(g => g.Key, g => g.Select(t => t.WeekStart).Distinct().Count());

        weeksByRep.Where(kv => kv.Value < DemoOrganization.Weeks).Select(kv => kv.Key)
            .ShouldBe(["noah.okafor@northwind.test", "tara.usman@northwind.test"], ignoreOrder: true);
    }

    [Fact]
    public void Inbound_leads_are_above_two_hundred_a_month()
    {
        Demo.Organization.InboundLeadsPerMonth.ShouldNotBeNull().ShouldBeGreaterThan(200);
        Demo.LeadCounts.Count.ShouldBeGreaterThanOrEqualTo(3);
        Demo.LeadCounts.ShouldAllBe(c => c.InboundLeads > 200);
    }

    [Fact]
    public void No_rep_logs_more_than_the_weekly_maximum()
    {
        Demo.TimeLogs.GroupBy(t => (t.Rep.Email, t.WeekStart)).ShouldAllBe(g => g.Sum(t => t.Hours) <= 100m);
        Demo.TimeLogs.ShouldAllBe(t => t.Hours > 0m);
    }

    [Fact]
    public void The_same_day_gives_the_same_hours()
    {
        var again = DemoOrganization.Build(FixedClock.Monday23November2026);

        again.TimeLogs.Select(t => (t.Rep.Email, t.Activity.Name, t.WeekStart, t.Hours))
            .ShouldBe(Demo.TimeLogs.Select(t => (t.Rep.Email, t.Activity.Name, t.WeekStart, t.Hours)));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Seeded_hours_sum_to_the_same_total_in_the_database(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        await using var db = await database.OpenAsync(DemoOrganization.Name);

        var total = await db.TimeLogs.SumAsync(t => t.Hours);
        var weekly = await db.TimeLogs.GroupBy(t => t.WeekStart).Select(g => g.Key).CountAsync();

        total.ShouldBe(Demo.TimeLogs.Sum(t => t.Hours));
        weekly.ShouldBe(DemoOrganization.Weeks);
        (await db.MonthlyLeadCounts.CountAsync()).ShouldBe(Demo.LeadCounts.Count);
        IsoWeek.FromMonday(await db.TimeLogs.MaxAsync(t => t.WeekStart)).ToString().ShouldBe("2026-W47");
    }
}
