using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>The time-log import and export API through the whole app (SQLite, demo organisation).</summary>
public sealed class ImportApiTests
{
    private const string Url = "/api/v1/organizations/1/timelogs/import";
    private const string Good = "week,rep_email,rep_name,team,role,activity,hours\n2026-W30,zoe.young@northwind.test,Zoë Young,Partners,Sales Development Rep,Cold calls,20\n";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>The export as sent, byte-order mark included.</summary>
    private static async Task<string> ExportAsync(HttpClient client, string query = "") =>
        Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri($"/api/v1/organizations/1/timelogs.csv{query}", UriKind.Relative)));

    [Fact]
    public async Task A_bad_file_gets_422_with_every_error_and_nothing_is_written()
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync("consultant@demo.salesspec");
        var before = await ExportAsync(client);

        var (status, body) = await Api.PostAsync(client, Url, Csv(Good + "2026-W31,zoe.young@northwind.test,,,,Cold calls,-2\n2026-W31,ana.ruiz@northwind.test,,,,Juggling,2\n"));

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        body.GetProperty("rowsRead").GetInt32().ShouldBe(3);
        var errors = body.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!.Length > 0)).ToList();
        errors.ShouldBe([(3, "hours", true), (4, "activity", true)]);
        (await ExportAsync(client)).ShouldBe(before);
    }

    [Fact]
    public async Task An_import_is_listed_and_rolled_back_over_the_api_and_a_second_rollback_is_refused()
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync("leader@demo.salesspec");
        (await Api.PostAsync(client, Url, Csv(Good))).Status.ShouldBe(HttpStatusCode.OK);

        var (_, list) = await Api.SendAsync(client, HttpMethod.Get, "/api/v1/organizations/1/imports");
        var latest = list.EnumerateArray().First();
        (latest.GetProperty("repWeeks").GetInt32(), latest.GetProperty("mayRollBack").GetBoolean(), latest.GetProperty("importedBy").GetString())
            .ShouldBe((1, true, "Lee Leader"));
        var id = latest.GetProperty("id").GetInt32();

        var (status, body) = await Api.SendAsync(client, HttpMethod.Post, $"/api/v1/organizations/1/imports/{id}/rollback");
        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("restored").GetString()!.ShouldContain("restores the rep-week it wrote in 2026-W30");
        (await ExportAsync(client, "?from=2026-W30&to=2026-W30")).ShouldNotContain("zoe.young", Case.Insensitive);

        var (again, problem) = await Api.SendAsync(client, HttpMethod.Post, $"/api/v1/organizations/1/imports/{id}/rollback");
        again.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldStartWith("This import was rolled back already");
        var manager = await app.SignedInAsync("manager@demo.salesspec");
        (await Api.SendAsync(manager, HttpMethod.Post, $"/api/v1/organizations/1/imports/{id}/rollback")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_dry_run_previews_and_an_import_writes_and_the_export_has_it()
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync("leader@demo.salesspec");

        var (previewStatus, preview) = await Api.PostAsync(client, Url + "?dryRun=true", Csv(Good));
        previewStatus.ShouldBe(HttpStatusCode.OK);
        (preview.GetProperty("imported").GetBoolean(), preview.GetProperty("repsCreated").GetInt32(), preview.GetProperty("weeksReplaced").GetInt32())
            .ShouldBe((false, 1, 1));
        preview.GetProperty("hoursByFunction").GetProperty("OutboundProspecting").GetDecimal().ShouldBe(20m);
        (await ExportAsync(client, "?from=2026-W30&to=2026-W30")).ShouldNotContain("zoe.young");

        var (status, body) = await Api.PostAsync(client, Url, Csv(Good));
        status.ShouldBe(HttpStatusCode.OK);
        (body.GetProperty("imported").GetBoolean(), body.GetProperty("rowsRead").GetInt32(), body.GetProperty("hoursImported").GetDecimal())
            .ShouldBe((true, 1, 20m));
        body.GetProperty("errors").GetArrayLength().ShouldBe(0);

        var export = await ExportAsync(client, "?from=2026-W30&to=2026-07-26");
        export.ShouldBe("\uFEFFweek,rep_email,rep_name,team,role,activity,function,hours\r\n2026-W30,zoe.young@northwind.test,Zoë Young,Partners,Sales Development Rep,Cold calls,OutboundProspecting,20\r\n");
    }

    [Theory]
    [InlineData("rep@demo.salesspec")]
    [InlineData("manager@demo.salesspec")]
    public async Task Reps_and_managers_may_not_import(string email)
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync(email);

        var (status, body) = await Api.PostAsync(client, Url, Csv(Good));

        status.ShouldBe(HttpStatusCode.Forbidden);
        body.GetProperty("detail").GetString()!.ShouldContain("it needs Import (Admin, Leader, Consultant)");
    }

    [Fact]
    public async Task A_file_over_the_limit_gets_413_and_a_form_upload_gets_415()
    {
        await using var app = new AppFactory(settings: new Dictionary<string, string> { ["Import:MaxUploadBytes"] = "1024" });
        var client = await app.SignedInAsync("admin@demo.salesspec");

        var (tooLarge, body) = await Api.PostAsync(client, Url, Csv(Good + string.Concat(Enumerable.Repeat("2026-W30,zoe.young@northwind.test,,,,Demos,1\n", 40))));
        tooLarge.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        body.GetProperty("detail").GetString()!.ShouldContain("split it by period");

        using var form = new MultipartFormDataContent { { new StringContent(Good), "file", "logs.csv" } };
        var (unsupported, _) = await Api.PostAsync(client, Url, form);
        unsupported.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_export_with_a_bad_period_says_what_is_wrong()
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync("leader@demo.salesspec");

        using var response = await client.GetAsync(new Uri("/api/v1/organizations/1/timelogs.csv?from=2026-W47&to=last-week", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("'last-week' is not an ISO week");
    }

    [Fact]
    public async Task The_workbook_has_the_analysis_and_the_time_logs_with_formulas_neutralised()
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync("consultant@demo.salesspec");
        var hostile = "week,rep_email,rep_name,team,role,activity,hours\n2026-W47,mallory@northwind.test,\"=HYPERLINK(\"\"http://x.test\"\")\",+Ops,Full-Cycle Rep,Demos,2\n";
        (await Api.PostAsync(client, Url, Csv(hostile))).Status.ShouldBe(HttpStatusCode.OK);

        using var response = await client.GetAsync(new Uri("/api/v1/organizations/1/export.xlsx", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var workbook = new WorkbookReader(await response.Content.ReadAsStreamAsync());
        workbook.SheetNames.ShouldBe(["Summary", "Reps", "Time logs"]);
        workbook.Cell("Summary", 1, 1).Text.ShouldBe("Northwind Cloud: workload analysis 2026-W36 – 2026-W47 (12 weeks)");
        workbook.Column("Summary", 1).ShouldContain("Break out inbound qualification into its own role");
        workbook.RowsUsed("Reps").Count.ShouldBe(1 + 20);
        var mallory = workbook.RowsUsed("Reps").Single(r => workbook.Cell("Reps", r, 1).Text == "mallory@northwind.test");
        workbook.Cell("Reps", mallory, 2).ShouldBe(new WorkbookCell("'=HYPERLINK(\"http://x.test\")", IsNumber: false, IsFormula: false));
        workbook.Cell("Reps", mallory, 3).Text.ShouldBe("'+Ops");
        workbook.Cell("Reps", mallory, 6).ShouldBe(new WorkbookCell("2", IsNumber: true, IsFormula: false));
        workbook.Row("Time logs", 1).ShouldBe(["week", "rep_email", "rep_name", "team", "role", "activity", "function", "hours"]);
        workbook.RowsUsed("Time logs").Count.ShouldBeGreaterThan(2000);
        workbook.Cell("Time logs", 2, 8).IsNumber.ShouldBeTrue();
    }
}
