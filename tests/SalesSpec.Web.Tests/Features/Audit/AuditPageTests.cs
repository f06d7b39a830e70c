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

    private static List<string> Sentences(IRenderedComponent<AuditPage> page) =>
        page.FindAll("[data-testid=audit-sentence]").Select(s => s.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_log_reads_as_sentences_newest_first_and_the_search_narrows_it()
    {
        var page = _context.Render<AuditPage>(p => p.Add(x => x.OrganizationId, _organizationId));

        await page.WaitForAssertionAsync(() => Sentences(page).ShouldBe(["Alex Admin created team Public sector", "Alex Admin created team Partners"]));
        page.Markup.ShouldContain("2026-11-23");

        page.Find("input[aria-label='Search the audit log']").Input("partners");

        await page.WaitForAssertionAsync(() => Sentences(page).ShouldBe(["Alex Admin created team Partners"]), TimeSpan.FromSeconds(10));
        page.Find("input[aria-label='Search the audit log']").Input("nothing like this");
        await page.WaitForAssertionAsync(() => page.Markup.ShouldContain("No change matches “nothing like this”."), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_leader_is_told_that_only_an_admin_reads_the_log()
    {
        await _context.SignInAsync(_database, "leader@demo.salesspec");

        var page = _context.Render<AuditPage>(p => p.Add(x => x.OrganizationId, _organizationId));

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=not-admin]").TextContent.ShouldContain("Only an Admin"));
        page.FindAll("[data-testid=audit]").ShouldBeEmpty();
    }
}
