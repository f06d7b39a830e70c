using Microsoft.AspNetCore.Components;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Audit;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Teams;
using SalesSpec.Web.Tests.Features.Teams;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Audit;

/// <summary>The audit page rendered by bUnit on a real SQLite database: sentences by name, searched on the server; Admins only.</summary>
public sealed class AuditPageTests : IAsyncLifetime
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
        _context.Services.AddSingleton<AuditService>();
        await _context.SignInAsync(_database, "admin@demo.salesspec");
        var admin = await _database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        _organizationId = admin.OrganizationId;
        var teams = TeamsServiceTests.Service(_database);
        (await teams.CreateAsync(admin, new TeamForm { Name = "Partners" })).Succeeded.ShouldBeTrue();
        (await teams.CreateAsync(admin, new TeamForm { Name = "Public sector" })).Succeeded.ShouldBeTrue();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    // The search and the page travel in the address, as the static page reads them.
    private IRenderedComponent<AuditPage> Open(string query = "")
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/organizations/{_organizationId}/audit{query}");
        return _context.Render<AuditPage>(p => p.Add(x => x.OrganizationId, _organizationId));
    }

    private static List<string> Sentences(IRenderedComponent<AuditPage> page) =>
        page.FindAll("[data-testid=audit-sentence]").Select(s => s.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_log_reads_as_sentences_newest_first_and_the_search_in_the_address_narrows_it()
    {
        var page = Open();

        await page.WaitForAssertionAsync(() => Sentences(page).ShouldBe(["Alex Admin created team Public sector", "Alex Admin created team Partners"]));
        page.Markup.ShouldContain("2026-11-23");
        page.Find("[data-testid=audit-range]").TextContent.Trim().ShouldBe("1–2 of 2");
        page.FindAll("[data-testid=audit-older]").ShouldBeEmpty();
        // A plain GET form: the search travels in the address, so the static page needs no circuit.
        var form = page.Find("form[data-testid=audit-search]");
        form.GetAttribute("method").ShouldBe("get");
        form.QuerySelector("input[name=q]").ShouldNotBeNull();

        var searched = Open("?q=partners");
        await searched.WaitForAssertionAsync(() => Sentences(searched).ShouldBe(["Alex Admin created team Partners"]));
        searched.Find("input[name=q]").GetAttribute("value").ShouldBe("partners");

        var nothing = Open("?q=nothing+like+this");
        await nothing.WaitForAssertionAsync(() => nothing.Find("[data-testid=audit-empty]").TextContent.ShouldBe("No change matches “nothing like this”."));
    }

    [Fact]
    public async Task Pages_are_links_in_the_address_and_a_page_past_the_end_shows_the_last()
    {
        var admin = await _database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var teams = TeamsServiceTests.Service(_database);
        for (var i = 1; i <= 25; i++)
        {
            (await teams.CreateAsync(admin, new TeamForm { Name = $"Region {i:00}" })).Succeeded.ShouldBeTrue();
        }

        var first = Open("?size=25");
        await first.WaitForAssertionAsync(() => Sentences(first).Count.ShouldBe(25));
        Sentences(first)[0].ShouldBe("Alex Admin created team Region 25");
        first.Find("[data-testid=audit-range]").TextContent.Trim().ShouldBe("1–25 of 27");
        first.FindAll("[data-testid=audit-newer]").ShouldBeEmpty();
        first.Find("[data-testid=audit-older]").GetAttribute("href").ShouldBe($"http://localhost/organizations/{_organizationId}/audit?size=25&page=2");

        var second = Open("?page=2&size=25");
        await second.WaitForAssertionAsync(() => Sentences(second).ShouldBe(["Alex Admin created team Public sector", "Alex Admin created team Partners"]));
        second.Find("[data-testid=audit-range]").TextContent.Trim().ShouldBe("26–27 of 27");
        second.Find("[data-testid=audit-newer]").GetAttribute("href").ShouldBe($"http://localhost/organizations/{_organizationId}/audit?size=25");

        var beyond = Open("?page=999&size=25");
        await beyond.WaitForAssertionAsync(() => beyond.Find("[data-testid=audit-range]").TextContent.Trim().ShouldBe("26–27 of 27"));
    }

    [Theory]
    [InlineData(null, null, null, "", 0, 50)]
    [InlineData("  partners ", "3", "100", "partners", 2, 100)]
    [InlineData("x", "0", "7", "x", 0, 50)]
    [InlineData("x", "-5", "-1", "x", 0, 50)]
    [InlineData("x", "abc", "x", "x", 0, 50)]
    [InlineData("x", "99999999999", "200", "x", 0, 200)]
    [InlineData("x", "2147483647", "200", "x", 1_000_000, 200)]
    public void The_address_is_read_defensively(string? search, string? page, string? size, string expectedSearch, int expectedPage, int expectedSize) =>
        AuditQuery.Read(search, page, size).ShouldBe((expectedSearch, expectedPage, expectedSize));

    [Fact]
    public void A_search_longer_than_the_box_is_cut_to_its_length() =>
        AuditQuery.Read(new string('a', 500), null, null).Search.Length.ShouldBe(AuditQuery.MaxSearchLength);

    [Fact]
    public async Task A_leader_is_told_that_only_an_admin_reads_the_log()
    {
        await _context.SignInAsync(_database, "leader@demo.salesspec");

        var page = _context.Render<AuditPage>(p => p.Add(x => x.OrganizationId, _organizationId));

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=not-admin]").TextContent.ShouldContain("Only an Admin"));
        page.FindAll("[data-testid=audit]").ShouldBeEmpty();
    }
}
