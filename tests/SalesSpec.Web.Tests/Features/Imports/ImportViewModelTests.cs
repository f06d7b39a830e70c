using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Imports;
using SalesSpec.Web.Features.Imports.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>The import page's view model, driven without rendering, on the demo data.</summary>
public sealed class ImportViewModelTests : IAsyncLifetime
{
    private const string GoodCsv = "week,rep_email,rep_name,role,activity,hours\n2026-W30,zoe.young@northwind.test,Zoë Young,Full-Cycle Rep,Qualify inbound leads,12\n2026-W31,zoe.young@northwind.test,,,Demos,8\n";
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private ImportViewModel Model(long maxUploadBytes = 50L * 1024 * 1024)
    {
        var options = Options.Create(new ImportOptions { MaxUploadBytes = maxUploadBytes });
        return new ImportViewModel(new TimeLogImportService(_database.Access, Clock, NullLogger<TimeLogImportService>.Instance, options), options);
    }

    private async Task<ImportViewModel> OpenAsync(string email = "consultant@demo.salesspec", long maxUploadBytes = 50L * 1024 * 1024)
    {
        var model = Model(maxUploadBytes);
        await model.OpenAsync(await _database.MemberOfAsync(email, DemoOrganization.Name), 1);
        return model;
    }

    [Fact]
    public async Task A_manager_gets_the_reason_and_no_member()
    {
        await using var model = await OpenAsync("manager@demo.salesspec");

        model.Member.ShouldBeNull();
        model.PageError.ShouldBe("Importing and exporting data is for Admins, Leaders and Consultants of the organisation.");
    }

    [Fact]
    public async Task A_good_file_is_previewed_then_imported_only_on_commit()
    {
        await using var model = await OpenAsync();
        var redraws = 0;
        model.StateChanged += () => Interlocked.Increment(ref redraws);

        await model.UploadAsync(new TextBrowserFile("good.csv", GoodCsv));

        model.Report.ShouldNotBeNull().DryRun.ShouldBeTrue();
        model.Report.RowsRead.ShouldBe(2);
        model.FileName.ShouldBe("good.csv");
        model.Busy.ShouldBeNull();
        model.ShowUpload.ShouldBeFalse("the preview offers import or cancel, not another file");
        redraws.ShouldBeGreaterThan(0);
        await using (var db = await _database.OpenAsync(DemoOrganization.Name))
        {
            (await db.Reps.AnyAsync(r => r.Email == "zoe.young@northwind.test")).ShouldBeFalse("a preview writes nothing");
        }

        await model.CommitAsync();

        model.Report.Imported.ShouldBeTrue();
        model.ShowUpload.ShouldBeTrue();
        model.DashboardLink(model.Report.FirstWeek, model.Report.LastWeek).ShouldBe("/organizations/1/dashboard?from=2026-W30&to=2026-W31");
        await using (var db = await _database.OpenAsync(DemoOrganization.Name))
        {
            (await db.TimeLogs.Where(t => t.Rep.Email == "zoe.young@northwind.test").SumAsync(t => t.Hours)).ShouldBe(20m);
        }
        // The temporary copy went with the import: a second commit has nothing to write.
        await model.CommitAsync();
        model.Report.Imported.ShouldBeTrue();
    }

    [Fact]
    public async Task A_file_with_problems_offers_another_file_and_nothing_to_commit()
    {
        await using var model = await OpenAsync();

        await model.UploadAsync(new TextBrowserFile("bad.csv", "week,rep_email,activity,hours\n2026-W30,ana.ruiz@northwind.test,Demos,x\n"));

        model.Report.ShouldNotBeNull().ErrorCount.ShouldBe(1);
        model.ShowUpload.ShouldBeTrue();
        await model.CommitAsync();
        model.Report.Imported.ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_it_is_read()
    {
        await using var model = await OpenAsync(maxUploadBytes: 1024 * 1024);
        var file = new TextBrowserFile("big.csv", GoodCsv, size: 3L * 1024 * 1024);

        await model.UploadAsync(file);

        file.Opened.ShouldBeFalse();
        model.Report.ShouldBeNull();
        model.UploadError.ShouldBe("big.csv is 3 MB; an import takes up to 1 MB. Split the file by period and import the parts.");
    }

    [Fact]
    public async Task Cancel_forgets_the_preview()
    {
        await using var model = await OpenAsync();
        await model.UploadAsync(new TextBrowserFile("good.csv", GoodCsv));

        await model.CancelAsync();

        model.Report.ShouldBeNull();
        model.ShowUpload.ShouldBeTrue();
        await model.CommitAsync();
        model.Report.ShouldBeNull("nothing is left to import");
    }

    [Fact]
    public async Task Export_links_carry_the_weeks_typed_trimmed_and_escaped()
    {
        await using var model = await OpenAsync();

        model.ExportLink("timelogs.csv").ShouldBe("/api/v1/organizations/1/timelogs.csv");
        model.ExportFrom = " 2026-W36 ";
        model.ExportLink("analysis").ShouldBe("/api/v1/organizations/1/analysis?from=2026-W36");
        model.ExportTo = "2026 W47";
        model.ExportLink("export.xlsx").ShouldBe("/api/v1/organizations/1/export.xlsx?from=2026-W36&to=2026%20W47");
    }

    [Fact]
    public async Task Another_organisation_starts_afresh()
    {
        await using var model = await OpenAsync();
        await model.UploadAsync(new TextBrowserFile("good.csv", GoodCsv));
        model.ExportFrom = "2026-W36";

        await model.OpenAsync(await _database.MemberOfAsync("consultant@demo.salesspec", "Contoso Analytics"), 2);

        model.Member.ShouldNotBeNull().OrganizationName.ShouldBe("Contoso Analytics");
        model.Report.ShouldBeNull();
        model.ExportFrom.ShouldBeNull();
        model.ExportLink("timelogs.csv").ShouldBe("/api/v1/organizations/2/timelogs.csv");
    }
}
