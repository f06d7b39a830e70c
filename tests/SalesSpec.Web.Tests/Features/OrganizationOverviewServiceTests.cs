using Microsoft.EntityFrameworkCore;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Organizations.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features;

public sealed class OrganizationOverviewServiceTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_overview_sums_each_reps_hours_of_the_last_twelve_weeks_in_the_database(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = new OrganizationOverviewService(database.Access, Clock);
        var demo = DemoOrganization.Build(Clock.Today);

        var overview = await service.GetAsync(await database.MemberAsync(DemoOrganization.Name));

        overview.ShouldNotBeNull();
        (overview.Settings.Name, overview.FirstWeek.ToString(), overview.LastWeek.ToString(), overview.Weeks)
            .ShouldBe(("Northwind Cloud", "2026-W36", "2026-W47", 12));
        overview.Reps.Count.ShouldBe(20);
        overview.ActiveAnalysedReps.ShouldBe(19);
        foreach (var rep in overview.Reps)
        {
            rep.Hours.ShouldBe(demo.TimeLogs.Where(t => t.Rep.Email == rep.Email).Sum(t => t.Hours), rep.Email);
        }
        overview.Reps.Single(r => r.Email == "tara.usman@northwind.test").WeeksLogged.ShouldBe(11);
        overview.Reps.Single(r => r.Email == "ana.ruiz@northwind.test").WeeksLogged.ShouldBe(12);
        overview.Reps.Single(r => r.Role == "Sales Manager").IsAnalysed.ShouldBeFalse();
        overview.Teams.Select(t => (t.Name, t.Reps)).ShouldBe([("Commercial", 6), ("Enterprise", 7), ("Mid-Market", 7)]);
        overview.TotalHours.ShouldBe(demo.TimeLogs.Sum(t => t.Hours));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Hours_outside_the_last_twelve_weeks_are_not_counted(string provider)
    {
        // A week later the first demo week falls out of the window.
        var later = new FixedClock(FixedClock.Monday23November2026.AddDays(7));
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = new OrganizationOverviewService(database.Access, later);
        var demo = DemoOrganization.Build(Clock.Today);

        var overview = await service.GetAsync(await database.MemberAsync(DemoOrganization.Name));

        overview.ShouldNotBeNull();
        overview.FirstWeek.ToString().ShouldBe("2026-W37");
        overview.TotalHours.ShouldBe(demo.TimeLogs.Where(t => t.WeekStart > demo.FirstWeek.Monday).Sum(t => t.Hours));
        overview.Reps.Single(r => r.Email == "noah.okafor@northwind.test").WeeksLogged.ShouldBe(10);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_manager_sees_the_teams_they_manage_and_a_rep_only_themselves(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var service = new OrganizationOverviewService(database.Access, Clock);
        int commercial;
        int olivia;
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            commercial = await db.Teams.Where(t => t.Name == "Commercial").Select(t => t.Id).SingleAsync();
            olivia = await db.Reps.Where(r => r.Email == "olivia.patel@northwind.test").Select(r => r.Id).SingleAsync();
        }

        var manager = await service.GetAsync(await database.MemberAsync(DemoOrganization.Name, MemberRole.Manager, null, commercial));
        var rep = await service.GetAsync(await database.MemberAsync(DemoOrganization.Name, MemberRole.Rep, olivia));

        manager!.Reps.Count.ShouldBe(6);
        manager.Reps.ShouldAllBe(r => r.Team == "Commercial");
        manager.Teams.Select(t => t.Name).ShouldBe(["Commercial"]);
        rep!.Reps.Select(r => r.Email).ShouldBe(["olivia.patel@northwind.test"]);
        rep.Teams.ShouldBeEmpty();
    }
}
