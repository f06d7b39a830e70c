using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesSpec.Domain.Access;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Roles;
using SalesSpec.Web.Features.Roles.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Roles;

/// <summary>The roles page rendered by bUnit: costs and ramps edited in place (moved here from the scenarios page) and shown in the organisation's currency.</summary>
public sealed class RolesPageTests : IAsyncLifetime
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
        _context.Services.AddSingleton<FluentValidation.IValidator<RoleSetting>, RoleSettingValidator>();
        _context.Services.AddSingleton<FluentValidation.IValidator<NewRole>, NewRoleValidator>();
        _context.Services.AddSingleton<RolesService>();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<IRenderedComponent<RolesPage>> RenderAsync(string email)
    {
        await _context.SignInAsync(_database, email);
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<RolesPage>(p => p.Add(x => x.OrganizationId, AppFactory.Northwind));
        await page.WaitForElementAsync("[data-testid=role-setting]");
        return page;
    }

    [Fact]
    public async Task Role_costs_edited_on_the_roles_page_are_saved()
    {
        var page = await RenderAsync("admin@demo.salesspec");
        page.Find("h1").TextContent.ShouldBe("Roles");
        var rows = page.FindAll("[data-testid=role-setting]");
        var executive = rows.Select((row, index) => (row, index)).Single(r => r.row.TextContent.Contains("Account Executive", StringComparison.Ordinal)).index;
        page.FindAll("input[data-testid=role-cost]").ShouldNotBeEmpty();
        page.Find("[data-testid=role-settings]").TextContent.ShouldContain("Annual loaded cost (USD)");

        page.FindAll("input[data-testid=role-cost]")[executive].Change("160000");
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=role-settings]").TextContent.ShouldContain("Unsaved changes"));

        await page.Find("[data-testid=save-role-settings]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=role-settings]").TextContent.ShouldNotContain("Unsaved changes"));
        var admin = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        (await RolesServiceTests.Service(_database).ListAsync(admin)).Value!.Roles.Single(r => r.Name == "Account Executive").AnnualLoadedCost.ShouldBe(160_000m);
    }

    [Fact]
    public async Task A_leader_reads_the_costs_in_the_organisations_currency_and_cannot_change_them()
    {
        var page = await RenderAsync("leader@demo.salesspec");

        page.Find("[data-testid=read-only]").TextContent.ShouldContain("only an Admin changes them");
        page.FindAll("[data-testid=role-settings] input").ShouldBeEmpty();
        page.FindAll("[data-testid=add-role]").ShouldBeEmpty();
        page.FindAll("[data-testid=role-setting]").Single(r => r.TextContent.Contains("Account Executive", StringComparison.Ordinal))
            .TextContent.ShouldContain("USD 150,000");
    }

    [Fact]
    public async Task A_rep_is_told_roles_are_not_theirs()
    {
        await _context.SignInAsync(_database, "rep@demo.salesspec");
        var page = _context.Render<RolesPage>(p => p.Add(x => x.OrganizationId, AppFactory.Northwind));
        (await page.WaitForElementAsync("[data-testid=page-error]")).TextContent.ShouldBe(RolesService.NotAllowedToRead);
    }
}
