using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SalesSpec.Web.Components.Layout;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Layout;

/// <summary>The navigation for an Admin, on a real SQLite database: interactive it folds its administration group; static it has nothing that needs a circuit.</summary>
public sealed class NavMenuTests : IAsyncLifetime
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
        await _context.SignInAsync(_database, "admin@demo.salesspec");
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task On_a_static_page_the_administration_links_stand_under_a_heading_with_no_button()
    {
        var menu = _context.Render<NavMenu>(p => p.Add(x => x.Static, true));

        await menu.WaitForAssertionAsync(() => menu.FindAll("[data-testid=nav-audit]").Count.ShouldBe(1));
        var group = menu.Find("[data-testid=nav-admin]");
        group.GetAttribute("role").ShouldBe("group");
        menu.Find($"#{group.GetAttribute("aria-labelledby")}").TextContent.ShouldBe("Administration");
        group.QuerySelectorAll("a[href]").Length.ShouldBe(7);
        // A fold button would do nothing without a circuit.
        menu.FindAll("button").ShouldBeEmpty();
    }

    [Fact]
    public async Task On_an_interactive_page_the_administration_group_folds()
    {
        var menu = _context.Render<NavMenu>();

        await menu.WaitForAssertionAsync(() => menu.FindAll("[data-testid=nav-audit]").Count.ShouldBe(1));
        menu.FindAll("button").Count.ShouldBe(1);
        menu.Find("button").TextContent.ShouldContain("Administration");
    }
}
