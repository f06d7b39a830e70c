using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Data;
using SalesSpec.Web.Features.Organizations;
using SalesSpec.Web.Features.Organizations.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features;

/// <summary>The pages rendered by bUnit on a real SQLite database.</summary>
public sealed class OrganizationPagesTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_database.Factory);
        _context.Services.AddSingleton<TimeProvider>(Clock);
        _context.Services.AddSingleton<OrganizationAccess>();
        _context.Services.AddSingleton<OrganizationOverviewService>();
        await _context.SignInAsync(_database, "leader@demo.salesspec");
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_overview_shows_the_organisation_its_teams_and_its_reps()
    {
        var id = await OrganizationIdAsync("Northwind Cloud");

        var page = _context.Render<OrganizationOverviewPage>(p => p.Add(x => x.OrganizationId, id));

        await page.WaitForAssertionAsync(() => page.Find("h1").TextContent.ShouldBe("Northwind Cloud"));
        page.Markup.ShouldContain("80/20 line at 20 %");
        page.Markup.ShouldContain("2026-W36 – 2026-W47 (12 weeks)");
        // The inbound leads a month: the average of the months recorded (the lead counts card's figure and, for the demo's
        // months, the dashboard's), whole — not the organisation's estimate, which the analysis does not use then.
        await using (var db = await _database.OpenAsync(DemoOrganization.Name))
        {
            var recorded = await db.MonthlyLeadCounts.Where(m => m.Month >= new DateOnly(2025, 12, 1)).Select(m => m.InboundLeads).ToListAsync();
            recorded.Count.ShouldBeGreaterThan(0);
            page.Find("[data-testid=overview-leads]").TextContent.ShouldContain(
                $"about {SalesSpec.Web.Components.Shared.Numbers.Leads((decimal)recorded.Sum() / recorded.Count)} inbound leads a month (average of the {recorded.Count} months recorded");
        }
        page.FindAll("[data-testid=team] .team-name").Select(e => e.TextContent)
            .ShouldBe(["Commercial", "Enterprise", "Mid-Market"]);
        page.FindAll("[data-testid=team]")[0].TextContent.ShouldContain("6 reps");
        var rows = page.FindAll("[data-testid=reps-grid] tbody tr");
        rows.Count.ShouldBe(20);
        rows[0].TextContent.ShouldContain("Ana Ruiz");
        rows[0].TextContent.ShouldContain("Account Executive");
        page.FindAll("[data-testid=reps-grid] tbody tr").Single(r => r.TextContent.Contains("Tara Usman", StringComparison.Ordinal))
            .TextContent.ShouldContain("11 / 12");
    }

    [Fact]
    public async Task Searching_and_sorting_come_from_the_address()
    {
        var id = await OrganizationIdAsync("Northwind Cloud");
        // The page is static: the search travels in the address (a plain GET form), so it needs no circuit.
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/organizations/{id}?q=Account+Executive&sort=hours&desc=true");

        var page = _context.Render<OrganizationOverviewPage>(p => p.Add(x => x.OrganizationId, id));

        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=reps-grid] tbody tr").Count.ShouldBe(3));
        var names = page.FindAll("[data-testid=reps-grid] tbody tr").Select(r => r.Children[0].QuerySelector("div")!.TextContent).ToList();
        names.Order(StringComparer.Ordinal).ShouldBe(["Ana Ruiz", "Ben Carter", "Grace Hall"]);
        var hours = page.FindAll("[data-testid=reps-grid] tbody tr").Select(r => decimal.Parse(r.Children[4].TextContent, CultureInfo.InvariantCulture)).ToList();
        hours.ShouldBe(hours.OrderDescending().ToList());
        page.Find("th[aria-sort=descending]").TextContent.ShouldContain("Hours");
        page.Find("input[name=q]").GetAttribute("value").ShouldBe("Account Executive");
        page.Find("form[data-testid=reps-search]").GetAttribute("method").ShouldBe("get");
        // The sort goes with a new search, and the header's link turns the order round.
        page.Find("input[name=sort]").GetAttribute("value").ShouldBe("hours");
        page.Find("[data-testid=sort-hours]").GetAttribute("href").ShouldBe($"http://localhost/organizations/{id}?q=Account%20Executive&sort=hours");
        page.Find("[data-testid=reps-range]").TextContent.ShouldBe("1–3 of 3");
    }

    [Fact]
    public async Task An_organisation_without_reps_says_what_to_do()
    {
        await using (var db = await _database.Factory.CreateDbContextAsync())
        {
            var empty = Organization.Create("Empty Co");
            var leader = await db.Users.Where(u => u.Email == "leader@demo.salesspec").Select(u => u.Id).SingleAsync();
            db.Organizations.Add(empty);
            db.Memberships.Add(Membership.Create(leader, empty, MemberRole.Leader));
            await db.SaveChangesAsync();
        }
        var id = await OrganizationIdAsync("Empty Co");

        var page = _context.Render<OrganizationOverviewPage>(p => p.Add(x => x.OrganizationId, id));

        await page.WaitForAssertionAsync(() => page.Markup.ShouldContain("No reps yet. Add reps or import a time-log CSV"));
        page.Markup.ShouldContain("No teams yet.");
    }

    [Fact]
    public async Task A_rep_sees_their_own_team_not_a_count_of_teams_they_cannot_see()
    {
        var id = await OrganizationIdAsync("Northwind Cloud");
        await _context.SignInAsync(_database, "rep@demo.salesspec");

        var page = _context.Render<OrganizationOverviewPage>(p => p.Add(x => x.OrganizationId, id));

        await page.WaitForAssertionAsync(() => page.Find("h1").TextContent.ShouldBe("Northwind Cloud"));
        page.FindAll(".stat-value").Select(e => e.TextContent).ShouldContain("Commercial");
        page.Markup.ShouldContain("Your team");
        // Their own place in the analysis, not "Reps in the analysis: 1".
        page.Markup.ShouldNotContain("Reps in the analysis");
        page.Markup.ShouldContain("Counted in the analysis");
        page.FindAll(".stat-value").Select(e => e.TextContent).ShouldContain("Yes");
        page.Markup.ShouldNotContain("No teams yet.");
        page.FindAll("h2").Select(e => e.TextContent).ShouldNotContain("Teams");
        page.FindAll("[data-testid=team]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_manager_sees_the_teams_they_manage()
    {
        var id = await OrganizationIdAsync("Northwind Cloud");
        await _context.SignInAsync(_database, "manager@demo.salesspec");

        var page = _context.Render<OrganizationOverviewPage>(p => p.Add(x => x.OrganizationId, id));

        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=team] .team-name").Select(e => e.TextContent).ShouldBe(["Commercial"]));
        page.Markup.ShouldNotContain("Your team");
    }

    [Theory]
    [InlineData("Contoso Analytics")]
    [InlineData(null)]
    public async Task Another_organisation_looks_like_one_that_does_not_exist(string? organization)
    {
        var id = organization is null ? 4711 : await OrganizationIdAsync(organization);

        var page = _context.Render<OrganizationOverviewPage>(p => p.Add(x => x.OrganizationId, id));

        await page.WaitForAssertionAsync(() => page.Markup.ShouldContain("This organisation does not exist or you have no access to it."));
        page.Markup.ShouldNotContain("contoso.test");
        page.Markup.ShouldNotContain("Contoso");
    }

    [Fact]
    public async Task The_organisation_list_shows_the_organisations_a_consultant_belongs_to()
    {
        await _context.SignInAsync(_database, "consultant@demo.salesspec");

        var page = _context.Render<OrganizationsPage>();

        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=organization-card] .mud-typography-h6").Select(e => e.TextContent)
            .ShouldBe(["Contoso Analytics", "Northwind Cloud"]));
        page.Markup.ShouldContain("You are a consultant");
    }

    [Theory]
    [InlineData("leader", "/dashboard")]
    [InlineData("rep", "/my-week")]
    [InlineData("manager", "/team-week")]
    [InlineData("admin", "")]
    public async Task A_member_of_one_organisation_lands_where_their_role_works(string role, string page)
    {
        var id = await OrganizationIdAsync("Northwind Cloud");
        await _context.SignInAsync(_database, $"{role}@demo.salesspec");
        var navigation = _context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        _context.Render<OrganizationsPage>();

        await WaitUntilAsync(() => navigation.ToBaseRelativePath(navigation.Uri) != "");
        ("/" + navigation.ToBaseRelativePath(navigation.Uri)).ShouldBe($"/organizations/{id}{page}");
    }

    [Fact]
    public async Task A_consultant_stays_on_the_organisation_list_and_opens_an_organisation_on_its_overview()
    {
        await _context.SignInAsync(_database, "consultant@demo.salesspec");
        var id = await OrganizationIdAsync("Contoso Analytics");
        var navigation = _context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        var page = _context.Render<OrganizationsPage>();

        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=organization-card]").Count.ShouldBe(2));
        navigation.ToBaseRelativePath(navigation.Uri).ShouldBe("");
        page.FindAll("[data-testid=organization-card] a")[0].GetAttribute("href").ShouldBe($"/organizations/{id}");
    }

    [Fact]
    public void Opening_an_organisation_falls_back_to_the_overview_when_the_landing_page_is_not_theirs()
    {
        // A rep member not linked to a rep record has no week to log; an archived organisation takes no weeks.
        OrganizationLanding.Address(new MemberAccess("u", 7, "X", MemberRole.Rep, null, new HashSet<int>())).ShouldBe("/organizations/7");
        OrganizationLanding.Address(new MemberAccess("u", 7, "X", MemberRole.Rep, 3, new HashSet<int>()) { IsArchived = true }).ShouldBe("/organizations/7");
        OrganizationLanding.Address(new MemberAccess("u", 7, "X", MemberRole.Rep, 3, new HashSet<int>())).ShouldBe("/organizations/7/my-week");
        OrganizationLanding.Address(new MemberAccess("u", 7, "X", MemberRole.Leader, null, new HashSet<int>()) { IsArchived = true }).ShouldBe("/organizations/7/dashboard");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25, Xunit.TestContext.Current.CancellationToken);
        }
    }

    private async Task<int> OrganizationIdAsync(string name)
    {
        await using var db = await _database.OpenAsync(name);
        return db.OrganizationScope!.Value;
    }
}
