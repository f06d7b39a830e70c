using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SalesSpec.Domain.Crm;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.CrmImports;

/// <summary>The CRM import and rules API through the whole app (SQLite, demo organisation).</summary>
public sealed class CrmImportApiTests
{
    private const string Url = "/api/v1/organizations/1/crm/import";

    private static MultipartFormDataContent Salesforce()
    {
        var form = new MultipartFormDataContent();
        foreach (var name in new[] { "Task.csv", "Event.csv", "User.csv" })
        {
            var part = new ByteArrayContent(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "crm", "salesforce", name)));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(part, "file", name);
        }
        return form;
    }

    [Fact]
    public async Task A_preview_then_an_import_of_a_Salesforce_export()
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync("consultant@demo.salesspec");

        var (previewStatus, preview) = await Api.PostAsync(client, Url + "?dryRun=true&role=Account%20Manager", Salesforce());
        var (status, imported) = await Api.PostAsync(client, Url + "?role=Account%20Manager", Salesforce());

        previewStatus.ShouldBe(HttpStatusCode.OK);
        (preview.GetProperty("recordsRead").GetInt32(), preview.GetProperty("recordsMatched").GetInt32(), preview.GetProperty("skippedCount").GetInt32())
            .ShouldBe((22, 14, 8));
        preview.GetProperty("skipped").GetProperty("NoRuleMatched").GetInt32().ShouldBe(2);
        preview.GetProperty("import").GetProperty("imported").GetBoolean().ShouldBeFalse();
        status.ShouldBe(HttpStatusCode.OK);
        (imported.GetProperty("import").GetProperty("imported").GetBoolean(), imported.GetProperty("import").GetProperty("weeksReplaced").GetInt32()).ShouldBe((true, 3));
        imported.GetProperty("weeklyHours").EnumerateArray()
            .Single(w => w.GetProperty("email").GetString() == "quinn.harper@northwind.test" && w.GetProperty("activity").GetString() == "Onboarding")
            .GetProperty("hours").GetDecimal().ShouldBe(2m);
    }

    [Fact]
    public async Task A_bad_export_gets_422_with_the_file_named_and_json_gets_415()
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync("leader@demo.salesspec");
        var form = new MultipartFormDataContent { { new StringContent("\"Id\",\"OwnerId\",\"Subject\",\"ActivityDate\"\n\"1\",\"u1\",\"Call\",\"yesterday\"\n", Encoding.UTF8), "file", "Task.csv" } };

        var (status, body) = await Api.PostAsync(client, Url, form);
        var (jsonStatus, _) = await Api.PostAsync(client, Url, new StringContent("{}", Encoding.UTF8, "application/json"));

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = body.GetProperty("import").GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("file").GetString(), e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        errors.ShouldBe([("Task.csv", 1, "OwnerId"), ("Task.csv", 2, "ActivityDate")]);
        jsonStatus.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task The_rules_are_readable_and_reps_may_not_import()
    {
        await using var app = new AppFactory();
        var rep = await app.SignedInAsync("rep@demo.salesspec");
        var consultant = await app.SignedInAsync("consultant@demo.salesspec");

        var rules = JsonDocument.Parse(await consultant.GetStringAsync(new Uri("/api/v1/organizations/1/crm/rules", UriKind.Relative))).RootElement;
        var (status, _) = await Api.PostAsync(rep, Url, Salesforce());

        (rules.GetProperty("isDefault").GetBoolean(), rules.GetProperty("rules").GetArrayLength()).ShouldBe((true, CrmRuleSet.DefaultRules.Count));
        rules.GetProperty("rules")[0].GetProperty("type").GetString().ShouldBe("Meeting");
        rules.GetProperty("standardMinutes").GetProperty("Email").GetInt32().ShouldBe(5);
        status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
