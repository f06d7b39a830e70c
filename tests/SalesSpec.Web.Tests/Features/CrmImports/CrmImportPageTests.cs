using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.CrmImports;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.CrmImports;

/// <summary>The CRM import page on the demo data: preview, unmatched records, rules edited and saved, the import.</summary>
public sealed class CrmImportPageTests : IAsyncLifetime
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
        _context.Services.AddSingleton(Options.Create(new ImportOptions()));
        _context.Services.AddSingleton<FluentValidation.IValidator<CrmRulesForm>, CrmRulesFormValidator>();
        _context.Services.AddSingleton<FluentValidation.IValidator<SalesSpec.Formats.CrmCsv.CrmLayout>, CrmLayoutValidator>();
        _context.Services.AddSingleton<CrmRuleService>();
        _context.Services.AddSingleton<CrmImportService>();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<IRenderedComponent<CrmImportPage>> RenderAsync(string email)
    {
        await _context.SignInAsync(_database, email);
        _context.Render<MudPopoverProvider>();
        return _context.Render<CrmImportPage>(p => p.Add(x => x.OrganizationId, 1));
    }

    private static InputFileContent Fixture(string name) =>
        InputFileContent.CreateFromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "crm", "salesforce", name)), name, contentType: "text/csv");

    private static void UploadSalesforce(IRenderedComponent<CrmImportPage> page) =>
        page.FindComponent<InputFile>().UploadFiles(Fixture("Task.csv"), Fixture("Event.csv"), Fixture("User.csv"));

    [Fact]
    public async Task An_export_shows_hours_per_rep_and_function_and_every_reason_records_brought_none()
    {
        var page = await RenderAsync("consultant@demo.salesspec");
        page.Find("[data-testid=rules-state]").TextContent.ShouldContain("The default rules");
        page.FindAll("[data-testid=rule-row]").Count.ShouldBe(CrmRuleSet.DefaultRules.Count);

        UploadSalesforce(page);

        await page.WaitForElementAsync("[data-testid=commit]");
        page.Find("[data-testid=chosen-files]").TextContent.ShouldContain("Event.csv · Salesforce events");
        var reps = page.FindAll("[data-testid=preview-reps] tbody tr");
        reps.Count.ShouldBe(2);
        // Quinn: onboarding 2 h + reviews 1.33 h + support 0.25 h over 2 weeks, all post-sales; new, so joining as the chosen role.
        reps[1].TextContent.ShouldContain("Quinn Harper");
        reps[1].TextContent.ShouldContain("new");
        reps[1].Children.Select(c => c.TextContent.Trim()).Skip(1).ShouldBe(["2", "–", "–", "–", "1.8", "–", "1.8"]);
        page.Find("[data-testid=preview-weeks]").TextContent.ShouldContain("1 new rep will join as Full-Cycle Rep.");
        page.Find("[data-testid=preview-skipped]").TextContent.ShouldContain("No rule matched: 2");
        page.FindAll("[data-testid=preview-skipped-sample] tbody tr").Count.ShouldBe(8);
        page.Find("[data-testid=commit]").TextContent.ShouldContain("Import 3 rep-weeks");
    }

    [Fact]
    public async Task Owners_nobody_knows_are_mapped_to_reps_in_the_preview_and_the_hours_follow()
    {
        var page = await RenderAsync("consultant@demo.salesspec");
        var calls = InputFileContent.CreateFromText(
            "Record ID,Activity assigned to,Activity date,Call duration (HH:mm:ss),Call Title\n" +
            "116574000101,Zoë Brandt,2026-11-16 09:00,0:30:00,Cold call Acme\n" +
            "116574000102,Zoë Brandt,2026-11-17 09:00,0:15:00,Cold call Initech\n" +
            "116574000103,Tom Ekberg,2026-11-17 10:00,1:00:00,Cold call Globex\n", "calls.csv", contentType: "text/csv");

        page.FindComponent<InputFile>().UploadFiles(calls);

        var owners = await page.WaitForElementAsync("[data-testid=unmatched-owners]");
        owners.QuerySelectorAll("tbody tr").Select(r => r.Children[0].TextContent.Trim() + " " + r.Children[1].TextContent.Trim()).ShouldBe(["Zoë Brandt 2", "Tom Ekberg 1"]);
        page.Find("[data-testid=preview-no-hours]").TextContent.ShouldContain("nothing to import");

        var pickers = page.FindComponents<MudAutocomplete<string>>();
        await pickers[0].InvokeAsync(() => pickers[0].Instance.ValueChanged.InvokeAsync("zoe.brandt@northwind.test"));
        await pickers[1].InvokeAsync(() => pickers[1].Instance.ValueChanged.InvokeAsync("not an address"));
        page.Find("[data-testid=preview-stale]").TextContent.ShouldContain("preview again");
        await page.Find("[data-testid=apply-owners]").ClickAsync(new());

        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=preview-reps] tbody tr").Count.ShouldBe(1));
        var rep = page.Find("[data-testid=preview-reps] tbody tr");
        rep.TextContent.ShouldContain("Zoë Brandt");
        rep.TextContent.ShouldContain("new");
        page.Find("[data-testid=owner-problem]").TextContent.ShouldBe("'not an address' (for Tom Ekberg) is not an email address; choose a rep or type the new rep's address.");
        page.FindAll("[data-testid=unmatched-owners] tbody tr").Single().TextContent.ShouldContain("Tom Ekberg");
        page.Find("[data-testid=commit]").TextContent.ShouldContain("Import 1 rep-week");
    }

    [Fact]
    public async Task A_file_nobody_recognises_gets_its_columns_mapped_and_the_layout_is_kept_for_the_next_import()
    {
        var page = await RenderAsync("consultant@demo.salesspec");
        var report = InputFileContent.CreateFromText(
            "Vertriebler,Tag,Minuten,Betreff,Ergebnis\n" +
            "olivia.patel@northwind.test,2026-11-16,30,Cold call Acme,Erledigt\n" +
            "olivia.patel@northwind.test,2026-11-17,45,Demo Initech,Abgesagt\n", "wochenbericht.csv", contentType: "text/csv");

        page.FindComponent<InputFile>().UploadFiles(report);

        // Not recognised: a problem, the file's chip says so, and the mapping step offers its columns.
        var mapping = await page.WaitForElementAsync("[data-testid=column-mapping]");
        mapping.TextContent.ShouldContain("Vertriebler, Tag, Minuten, Betreff, Ergebnis");
        page.Find("[data-testid=import-errors]").TextContent.ShouldContain("Map its columns");
        page.Find("[data-testid=chosen-files]").TextContent.ShouldContain("not recognised");
        await page.Find("[data-testid=start-mapping]").ClickAsync(new());

        // A first guess from the header's words, for the consultant to check.
        string Selected(string id) => page.Find($"[data-testid={id}]").TextContent.Trim();
        (Selected("map-owner"), Selected("map-date"), Selected("map-duration"), Selected("map-subject"), Selected("map-status"))
            .ShouldBe(("Vertriebler", "Tag", "Minuten", "Betreff", "Ergebnis"));
        var unit = page.FindComponent<MudSelect<CrmDurationUnit>>();
        await unit.InvokeAsync(() => unit.Instance.ValueChanged.InvokeAsync(CrmDurationUnit.Minutes));
        // No type column: the report's records are calls, which the default cold-call rule asks for.
        var type = page.FindComponent<MudSelect<CrmActivityType>>();
        await type.InvokeAsync(() => type.Instance.ValueChanged.InvokeAsync(CrmActivityType.Call));
        page.Find("input[data-testid=map-name]").Change("Wochenbericht Vertrieb");
        await page.Find("[data-testid=apply-mapping]").ClickAsync(new());

        // Read through the layout: the cancelled demo brings nothing, the call its 30 minutes.
        await page.WaitForElementAsync("[data-testid=commit]");
        page.Find("[data-testid=chosen-files]").TextContent.ShouldContain("read as 'Wochenbericht Vertrieb'");
        page.Find("[data-testid=preview-reps]").TextContent.ShouldContain("Olivia Patel");
        page.Find("[data-testid=preview-skipped]").TextContent.ShouldContain("Meeting cancelled: 1");
        await page.Find("[data-testid=commit]").ClickAsync(new());
        await page.WaitForElementAsync("[data-testid=imported]");

        // The same report again: read through the saved layout with no mapping step.
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "Vertriebler,Tag,Minuten,Betreff,Ergebnis\nolivia.patel@northwind.test,2026-11-23,20,Cold call Globex,Erledigt\n", "wochenbericht-48.csv", contentType: "text/csv"));
        await page.WaitForElementAsync("[data-testid=commit]");
        page.Find("[data-testid=chosen-files]").TextContent.ShouldContain("read as 'Wochenbericht Vertrieb'");
        page.Find("[data-testid=column-mapping]").TextContent.ShouldContain("Read through the saved layout Wochenbericht Vertrieb");
        // Opened again, the step starts from the layout that read the file.
        await page.Find("[data-testid=start-mapping]").ClickAsync(new());
        page.Find("input[data-testid=map-name]").GetAttribute("value").ShouldBe("Wochenbericht Vertrieb");
    }

    [Fact]
    public async Task Rules_are_checked_saved_and_imported_with()
    {
        var page = await RenderAsync("consultant@demo.salesspec");
        UploadSalesforce(page);
        await page.WaitForElementAsync("[data-testid=commit]");

        // A rule with no condition in the middle of the list is refused, with its position.
        await page.Find("[data-testid=add-rule]").ClickAsync(new());
        page.FindAll("[data-testid=rule-row]").Count.ShouldBe(CrmRuleSet.DefaultRules.Count + 1);
        page.Find("[data-testid=rules-state]").TextContent.ShouldContain("unsaved changes");
        await page.FindAll("button[aria-label='Move rule 18 up']").Single().ClickAsync(new());
        await page.Find("[data-testid=save-rules]").ClickAsync(new());
        (await page.WaitForElementAsync("[data-testid=rules-problems]")).TextContent.ShouldContain("Rule 17 has no condition");

        // Back to the end, with an activity: saved, and the preview takes the rest as admin time.
        await page.FindAll("button[aria-label='Move rule 17 down']").Single().ClickAsync(new());
        var activity = page.FindComponents<MudSelect<string>>()
            .Last(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string?)id == "rule-activity");
        await activity.InvokeAsync(() => activity.Instance.ValueChanged.InvokeAsync("CRM and admin"));
        await page.Find("[data-testid=save-rules]").ClickAsync(new());
        await page.WaitForElementAsync("[data-testid=rules-saved]");
        page.Find("[data-testid=rules-state]").TextContent.ShouldContain("Saved rules, version 1");
        // The preview on screen was made with other rules: no import from it.
        page.Find("[data-testid=preview-stale]").TextContent.ShouldContain("preview again before you import");
        page.Find("[data-testid=commit]").HasAttribute("disabled").ShouldBeTrue();
        await page.Find("[data-testid=preview]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => page.FindAll("[data-testid=preview-stale]").ShouldBeEmpty());
        await page.WaitForAssertionAsync(() => page.Find("[data-testid=preview-skipped]").TextContent.ShouldNotContain("No rule matched"));

        await page.Find("[data-testid=commit]").ClickAsync(new());

        (await page.WaitForElementAsync("[data-testid=imported]")).TextContent.ShouldContain("Imported 16 CRM records as 3 rep-weeks from 2026-W46 to 2026-W47");
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        (await db.Reps.Where(r => r.Email == "quinn.harper@northwind.test").Select(r => r.Role.Name).SingleAsync()).ShouldBe("Full-Cycle Rep");
        (await db.CrmRuleSets.SingleAsync()).Rules[^1].Activity.ShouldBe("CRM and admin");
    }

    [Fact]
    public async Task Managers_and_reps_are_turned_away()
    {
        var page = await RenderAsync("manager@demo.salesspec");

        (await page.WaitForElementAsync("[data-testid=page-error]")).TextContent.ShouldContain("for Admins, Leaders and Consultants");
        page.FindAll("[data-testid=crm-import]").ShouldBeEmpty();
    }
}
