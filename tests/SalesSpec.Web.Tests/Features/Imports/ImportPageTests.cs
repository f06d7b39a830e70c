using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Features.LeadCounts;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>The import page on the demo data: problems listed, a preview, then the import.</summary>
public sealed class ImportPageTests : IAsyncLifetime
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
        _context.Services.AddSingleton(NullLogger<TimeLogImportService>.Instance);
        _context.Services.AddSingleton<TimeLogImportService>();
        _context.Services.AddSingleton<ImportHistoryService>();
        _context.Services.AddSingleton(Options.Create(new ImportOptions()));
        _context.Services.AddSingleton<FluentValidation.IValidator<LeadCountMonth>, LeadCountMonthValidator>();
        _context.Services.AddSingleton<LeadCountService>();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<IRenderedComponent<ImportPage>> RenderAsync(string email)
    {
        await _context.SignInAsync(_database, email);
        _context.Render<MudPopoverProvider>();
        return _context.Render<ImportPage>(p => p.Add(x => x.OrganizationId, 1));
    }

    private static void Upload(IRenderedComponent<ImportPage> page, string name, string csv) =>
        // The time-log upload comes first on the page; the lead-count upload is further down.
        page.FindComponents<InputFile>()[0].UploadFiles(InputFileContent.CreateFromText(csv, name, contentType: "text/csv"));

    [Fact]
    public async Task A_file_with_problems_lists_them_all_and_offers_no_import()
    {
        var page = await RenderAsync("consultant@demo.salesspec");

        Upload(page, "bad.csv", "week,rep_email,activity,hours\n2026-W30,ana.ruiz@northwind.test,Demos,x\n2026-W99,ana.ruiz@northwind.test,Demos,2\n");

        await page.WaitForElementAsync("[data-testid=import-errors]");
        page.Find("[data-testid=import-errors-summary]").TextContent.ShouldContain("bad.csv: 2 problems — nothing was imported.");
        page.FindAll("[data-testid=import-errors] tbody tr").Select(r => r.Children[0].TextContent + ":" + r.Children[1].TextContent)
            .ShouldBe(["2:hours", "3:week"]);
        page.FindAll("[data-testid=commit]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_good_file_shows_a_preview_and_is_written_only_on_confirmation()
    {
        var page = await RenderAsync("consultant@demo.salesspec");

        Upload(page, "good.csv", "week,rep_email,rep_name,role,activity,hours\n2026-W30,zoe.young@northwind.test,Zoë Young,Full-Cycle Rep,Qualify inbound leads,12\n2026-W30,zoe.young@northwind.test,,,Demos,8\n");

        await page.WaitForElementAsync("[data-testid=commit]");
        page.Find("[data-testid=preview-weeks]").TextContent.ShouldContain("1 week, 2026-W30 – 2026-W30.");
        page.Find("[data-testid=preview-new-reps]").TextContent.ShouldContain("Zoë Young (Full-Cycle Rep)");
        page.FindAll("[data-testid=preview-sample] tbody tr").Count.ShouldBe(2);
        page.Find("[data-testid=commit]").TextContent.Trim().ShouldBe("Import 2 rows");
        await using (var db = await _database.OpenAsync(DemoOrganization.Name))
        {
            (await db.Reps.AnyAsync(r => r.Email == "zoe.young@northwind.test")).ShouldBeFalse("a preview writes nothing");
        }

        await page.Find("[data-testid=commit]").ClickAsync(new());

        await page.WaitForElementAsync("[data-testid=imported]");
        System.Text.RegularExpressions.Regex.Replace(page.Find("[data-testid=imported]").TextContent, @"\s+", " ").ShouldContain("2 rows, 1 rep-week from 2026-W30 to 2026-W30, 20 hours, 1 new rep.");
        page.Find("[data-testid=open-dashboard]").GetAttribute("href").ShouldBe("/organizations/1/dashboard?from=2026-W30&to=2026-W30");
        await using (var db = await _database.OpenAsync(DemoOrganization.Name))
        {
            (await db.TimeLogs.Where(t => t.Rep.Email == "zoe.young@northwind.test").SumAsync(t => t.Hours)).ShouldBe(20m);
        }
    }

    [Fact]
    public async Task The_import_history_lists_an_import_and_rolls_it_back_after_saying_what_it_restores()
    {
        var page = await RenderAsync("consultant@demo.salesspec");
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=history-empty]").TextContent.ShouldBe("No time logs were imported yet."));
        Upload(page, "good.csv", "week,rep_email,activity,hours\n2026-W47,ana.ruiz@northwind.test,Demos,3\n");
        await page.WaitForElementAsync("[data-testid=commit]");
        await page.Find("[data-testid=commit]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=history-row]").Count.ShouldBe(1));
        page.Find("[data-testid=history-state]").TextContent.ShouldBe("Can be rolled back until 30 Nov 2026 12:00 UTC");

        await page.Find("[data-testid=history-rollback]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=rollback-plan]").TextContent.ShouldContain("restores the rep-week it wrote in 2026-W47: it gets back the hours it had before."));
        await page.Find("[data-testid=rollback-confirm]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=history-message]").TextContent.ShouldContain("its rep-weeks are as they were before it."));
        page.Find("[data-testid=history-state]").TextContent.ShouldStartWith("Rolled back by");
        page.FindAll("[data-testid=history-rollback]").ShouldBeEmpty();
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        (await db.TimeLogs.CountAsync(t => t.Rep.Email == "ana.ruiz@northwind.test" && t.WeekStart == new DateOnly(2026, 11, 16) && t.Hours == 3m && t.Activity.Name == "Demos"))
            .ShouldBe(0, "the import's hours are gone");
        (await db.TimeLogs.CountAsync(t => t.Rep.Email == "ana.ruiz@northwind.test" && t.WeekStart == new DateOnly(2026, 11, 16))).ShouldBeGreaterThan(1, "the earlier week is back");
    }

    [Fact]
    public async Task A_manager_is_told_who_imports()
    {
        var page = await RenderAsync("manager@demo.salesspec");

        (await page.WaitForElementAsync("[data-testid=page-error]")).TextContent.ShouldContain("Admins, Leaders and Consultants");
        page.FindComponents<InputFile>().ShouldBeEmpty();
        page.FindAll("[data-testid=lead-counts]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Lead_counts_are_entered_per_month_and_saved()
    {
        var page = await RenderAsync("consultant@demo.salesspec");
        await page.WaitForElementAsync("[data-testid=lead-average]");
        page.FindAll("[data-testid=lead-counts] .lead-count-grid input").Count.ShouldBe(12);
        page.Find("[data-testid=save-leads]").HasAttribute("disabled").ShouldBeTrue("nothing changed yet");

        var november = page.Find("[data-testid=leads-2026-11]");
        (november.TagName == "INPUT" ? november : november.QuerySelector("input")!).Input("412");
        await page.Find("[data-testid=lead-counts] form").SubmitAsync();

        (await page.WaitForElementAsync("[data-testid=lead-message]")).TextContent.ShouldContain("Saved 1 month.");
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        (await db.MonthlyLeadCounts.SingleAsync(m => m.Month == new DateOnly(2026, 11, 1))).InboundLeads.ShouldBe(412);
    }

    [Fact]
    public async Task Switching_organisation_drops_the_previous_file_and_its_preview()
    {
        var page = await RenderAsync("consultant@demo.salesspec");
        Upload(page, "good.csv", "week,rep_email,rep_name,role,activity,hours\n2026-W30,zoe.young@northwind.test,Zoë Young,Full-Cycle Rep,Qualify inbound leads,12\n");
        await page.WaitForElementAsync("[data-testid=commit]");

        page.Render(p => p.Add(x => x.OrganizationId, 2));

        await page.WaitForAssertionAsync(() => page.Find("h1 + .mud-typography").TextContent.ShouldStartWith("Contoso Analytics"));
        page.FindAll("[data-testid=commit]").ShouldBeEmpty();
        page.FindAll("[data-testid=preview-title]").ShouldBeEmpty();
    }
}
