using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Catalogue;
using SalesSpec.Web.Features.Catalogue.Components;
using SalesSpec.Web.Features.Catalogue.Services;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Catalogue;

/// <summary>The catalogue editor rendered by bUnit on the demo data: rename, reorder, and the change-of-function dialog.</summary>
public sealed class CataloguePageTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_database.Factory);
        _context.Services.AddSingleton<TimeProvider>(Clock);
        _context.Services.AddSingleton<OrganizationAccess>();
        _context.Services.AddSingleton<FluentValidation.IValidator<NewActivity>, NewActivityValidator>();
        _context.Services.AddSingleton<FluentValidation.IValidator<ActivityPatch>, ActivityPatchValidator>();
        _context.Services.AddSingleton<CatalogueService>();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<IRenderedComponent<CataloguePage>> RenderAsync(string email)
    {
        await _context.SignInAsync(_database, email);
        _context.Render<MudPopoverProvider>();
        _dialogs = _context.Render<MudDialogProvider>();
        var page = _context.Render<CataloguePage>(p => p.Add(x => x.OrganizationId, AppFactory.Northwind));
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=catalogue-row]").Count.ShouldBeGreaterThan(0));
        return page;
    }

    private static List<string> Names(IRenderedComponent<CataloguePage> page) =>
        page.FindAll("[data-testid=catalogue-row] .activity-name").Select(e => e.TextContent.Trim()).ToList();

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<CataloguePage> page, string name) =>
        page.FindAll("[data-testid=catalogue-row]").Single(r => r.GetAttribute("data-activity") == name);

    [Fact]
    public async Task The_catalogue_shows_activities_in_order_with_plain_names_and_the_catch_alls_locked()
    {
        var page = await RenderAsync("admin@demo.salesspec");

        page.Find("h1").TextContent.ShouldBe("Activity catalogue");
        var names = Names(page);
        names.Count.ShouldBe(23);
        names.ShouldContain("Other – Inbound qualification");
        names.ShouldNotContain("Other – InboundQualification");
        var other = Row(page, "Other – InboundQualification");
        other.QuerySelectorAll("[data-testid=rename]").ShouldBeEmpty();
        other.QuerySelectorAll("[data-testid=archive]").ShouldBeEmpty();
        other.QuerySelectorAll("[data-testid=change-function]").ShouldBeEmpty();
        other.QuerySelector("[data-testid=catch-all-note]").ShouldNotBeNull();
        Row(page, "Demos").QuerySelector("[data-testid=activity-hours]")!.TextContent.ShouldNotBe("0 h");
        page.FindAll("button[aria-label='Move Demos up']").Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_admin_renames_and_moves_an_activity_with_the_keyboard_friendly_buttons()
    {
        var page = await RenderAsync("admin@demo.salesspec");
        var before = Names(page);

        await page.Find("button[aria-label='Rename Demos']").ClickAsync(new());
        var field = await page.WaitForElementAsync("input[data-testid=rename-field]");
        await field.InputAsync(new() { Value = "Product demos" });
        await page.Find("[data-testid=rename-save]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => Names(page).ShouldContain("Product demos"));
        Names(page).ShouldNotContain("Demos");

        await page.Find("button[aria-label='Move Product demos up']").ClickAsync(new());
        var index = before.IndexOf("Demos");
        await page.WaitForAssertionAsync(() => Names(page).IndexOf("Product demos").ShouldBe(index - 1));
        Names(page)[index].ShouldBe(before[index - 1]);

        var admin = await _database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var saved = (await CatalogueServiceTests.Service(_database).ViewAsync(admin)).Value!.Activities;
        saved.Select(a => a.DisplayName).ToList().IndexOf("Product demos").ShouldBe(index - 1);
    }

    [Fact]
    public async Task The_change_of_function_dialog_asks_for_all_weeks_or_from_a_week_on()
    {
        var page = await RenderAsync("admin@demo.salesspec");

        // For all weeks: the activity simply counts for the new function.
        // The click's handler waits for the dialog's answer, so the click completes only once the dialog is closed.
        var opening = page.Find("button[aria-label='Change the function of Cold calls']").ClickAsync(new());
        var dialog = await DialogAsync();
        await dialog.InvokeAsync(() => dialog.FindComponent<MudSelect<SalesFunction>>().Instance.ValueChanged.InvokeAsync(SalesFunction.Closing));
        await dialog.Find("[data-testid=confirm-function]").ClickAsync(new());
        await opening;
        await page.WaitForAssertionAsync(() => Row(page, "Cold calls").QuerySelector("[data-testid=activity-function]")!.TextContent.ShouldBe("Closing"));

        // From a week on: the activity is archived and its successor takes its place.
        opening = page.Find("button[aria-label='Change the function of Demos']").ClickAsync(new());
        dialog = await DialogAsync();
        dialog.Find("[data-testid=change-function-dialog]").TextContent.ShouldContain("For all weeks");
        await dialog.InvokeAsync(() => dialog.FindComponent<MudSelect<SalesFunction>>().Instance.ValueChanged.InvokeAsync(SalesFunction.PostSales));
        await dialog.InvokeAsync(() => dialog.FindComponent<MudRadioGroup<bool>>().Instance.ValueChanged.InvokeAsync(true));
        var week = dialog.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "From week");
        week.Find("input").GetAttribute("value").ShouldBe("2026-W48");
        await dialog.InvokeAsync(() => week.Instance.ValueChanged.InvokeAsync("2026-W47"));
        await dialog.Find("[data-testid=confirm-function]").ClickAsync(new());
        await opening;

        await page.WaitForAssertionAsync(() => Names(page).ShouldContain("Demos (from 2026-W47)"));
        Names(page).ShouldNotContain("Demos");
        Row(page, "Demos (from 2026-W47)").QuerySelector("[data-testid=activity-function]")!.TextContent.ShouldBe("Post-sales");
        await page.InvokeAsync(() => page.FindComponent<MudSwitch<bool>>().Instance.ValueChanged.InvokeAsync(true));
        await page.WaitForAssertionAsync(() => Row(page, "Demos").QuerySelector("[data-testid=archived]").ShouldNotBeNull());
        var names = Names(page);
        names.IndexOf("Demos (from 2026-W47)").ShouldBe(names.IndexOf("Demos") + 1);
    }

    [Fact]
    public async Task A_leader_reads_the_catalogue_without_buttons()
    {
        var page = await RenderAsync("leader@demo.salesspec");
        page.Find("[data-testid=read-only]").TextContent.ShouldContain("only an Admin changes it");
        page.FindAll("[data-testid=move-up]").ShouldBeEmpty();
        page.FindAll("[data-testid=add-activity]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rep_is_told_the_catalogue_is_not_theirs()
    {
        await _context.SignInAsync(_database, "rep@demo.salesspec");
        var refused = _context.Render<CataloguePage>(p => p.Add(x => x.OrganizationId, AppFactory.Northwind));
        (await refused.WaitForElementAsync("[data-testid=page-error]")).TextContent.ShouldBe(CatalogueService.NotAllowedToRead);
    }

    private async Task<IRenderedComponent<ChangeFunctionDialog>> DialogAsync()
    {
        var provider = _dialogs!;
        await provider.WaitForAssertionAsync(() => provider.FindComponents<ChangeFunctionDialog>().Count.ShouldBe(1));
        return provider.FindComponent<ChangeFunctionDialog>();
    }
}
