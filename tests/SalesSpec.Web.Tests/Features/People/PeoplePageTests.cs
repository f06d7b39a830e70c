using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.People;
using SalesSpec.Web.Features.People.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.People;

/// <summary>The people grid rendered by bUnit on a real SQLite database: paged from the server, searched, edited in place.</summary>
public sealed class PeoplePageTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;
    private int _organizationId;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_database.Factory);
        _context.Services.AddSingleton<TimeProvider>(Clock);
        _context.Services.AddSingleton<OrganizationAccess>();
        _context.Services.AddSingleton<FluentValidation.IValidator<RepEdit>, RepEditValidator>();
        _context.Services.AddSingleton<FluentValidation.IValidator<SalesSpec.Web.Features.TeamHistory.TeamMoveCheck>, SalesSpec.Web.Features.TeamHistory.TeamMoveCheckValidator>();
        _context.Services.AddSingleton<PeopleService>();
        await _context.SignInAsync(_database, "admin@demo.salesspec");
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        _organizationId = db.OrganizationScope!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static List<string> Names(IRenderedComponent<PeoplePage> page) =>
        page.FindAll("[data-testid=people-grid] tbody tr").Select(r => r.Children[1].TextContent.Trim()).ToList();

    [Fact]
    public async Task The_grid_shows_a_page_of_people_and_searching_narrows_it()
    {
        var page = _context.Render<PeoplePage>(p => p.Add(x => x.OrganizationId, _organizationId));

        await page.WaitForAssertionAsync(() => page.Find("h1").TextContent.ShouldBe("People of Northwind Cloud"));
        await page.WaitForAssertionAsync(() => Names(page).Count.ShouldBe(20));
        Names(page)[0].ShouldBe("Ana Ruiz");

        page.Find("input[aria-label='Search people']").Input("account executive");

        await page.WaitForAssertionAsync(() => Names(page).ShouldBe(["Ana Ruiz", "Ben Carter", "Grace Hall"]), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_inline_edit_saves_and_an_fte_out_of_bounds_is_refused_with_a_message()
    {
        var page = _context.Render<PeoplePage>(p => p.Add(x => x.OrganizationId, _organizationId));
        await page.WaitForAssertionAsync(() => Names(page).Count.ShouldBe(20));

        await page.Find("button[aria-label='Edit Ana Ruiz']").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.Find("input[aria-label='FTE']").ShouldNotBeNull());
        page.Find("input[aria-label='FTE']").Change("1.6");
        await page.Find("button[aria-label='Save Ana Ruiz']").ClickAsync(new());

        await page.WaitForAssertionAsync(() => page.Markup.ShouldContain(RepEditValidator.FteMessage));
        await using (var db = await _database.OpenAsync(DemoOrganization.Name))
        {
            (await db.Reps.SingleAsync(r => r.Name == "Ana Ruiz")).Fte.ShouldBe(1m);
        }

        page.Find("input[aria-label='FTE']").Change("0.5");
        page.Find("input[aria-label='Name']").Change("Ana Ruiz-Lee");
        await page.Find("button[aria-label='Save Ana Ruiz']").ClickAsync(new());

        await page.WaitForAssertionAsync(() => Names(page).ShouldContain("Ana Ruiz-Lee"));
        page.Markup.ShouldNotContain(RepEditValidator.FteMessage);
        await using var after = await _database.OpenAsync(DemoOrganization.Name);
        var ana = await after.Reps.SingleAsync(r => r.Name == "Ana Ruiz-Lee");
        (ana.Fte, ana.Version).ShouldBe((0.5m, 2));
    }

    [Fact]
    public async Task Editing_a_person_shows_their_team_history_and_asks_for_a_week_only_when_the_team_changes()
    {
        var people = _context.Services.GetRequiredService<PeopleService>();
        var admin = await _database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var ana = (await people.PageAsync(admin, new RepQuery("Ana Ruiz"))).Items.Single();
        var midMarket = (await people.OptionsAsync(admin)).Teams.Single(t => t.Name == "Mid-Market").Id;
        (await people.MoveAsync(admin, new RepMove([ana.Id], midMarket, TeamFrom: "2026-W45"))).Kind.ShouldBe(OutcomeKind.Done);

        var page = _context.Render<PeoplePage>(p => p.Add(x => x.OrganizationId, _organizationId));
        await page.WaitForAssertionAsync(() => Names(page).Count.ShouldBe(20));
        await page.Find("button[aria-label='Edit Ana Ruiz']").ClickAsync(new());

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=team-history]").TextContent.ShouldBe("Enterprise from the start, Mid-Market from 2026-W45"));
        page.FindAll("[data-testid=team-from]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_leader_is_told_that_only_an_admin_edits_people()
    {
        await _context.SignInAsync(_database, "leader@demo.salesspec");

        var page = _context.Render<PeoplePage>(p => p.Add(x => x.OrganizationId, _organizationId));

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=not-admin]").TextContent.ShouldContain("Only an Admin"));
        page.FindAll("[data-testid=people-grid]").ShouldBeEmpty();
    }
}
