using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
    public async Task Owners_people_and_date_order_are_chosen_with_form_values_and_nobody_known_is_a_422()
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync("consultant@demo.salesspec");
        const string calls =
            "Record ID,Activity assigned to,Activity date,Call duration (HH:mm:ss),Call Title\n" +
            "116574000101,Zoë Brandt,8/3/2026 09:00,0:30:00,Cold call Acme\n" +
            "116574000102,Integration User,8/3/2026 10:00,0:15:00,Cold call Initech\n";
        MultipartFormDataContent Form(params (string Name, string Value)[] values)
        {
            var form = new MultipartFormDataContent { { new StringContent(calls, Encoding.UTF8), "file", "calls.csv" } };
            foreach (var (name, value) in values)
            {
                form.Add(new StringContent(value, Encoding.UTF8), name);
            }
            return form;
        }

        var (askStatus, ask) = await Api.PostAsync(client, Url + "?dryRun=true", Form());
        var (previewStatus, preview) = await Api.PostAsync(client, Url + "?dryRun=true&dateOrder=month-first", Form());
        var (refusedStatus, refused) = await Api.PostAsync(client, Url + "?dateOrder=month-first&role=Full-Cycle%20Rep", Form());
        var (mappedStatus, mapped) = await Api.PostAsync(client, Url + "?dryRun=true&dateOrder=month-first&role=Full-Cycle%20Rep",
            Form(("map", "Zoë Brandt=zoe.brandt@northwind.test"), ("person", "Integration User"), ("map", "Integration User=integration@northwind.test")));
        var (badStatus, _) = await Api.PostAsync(client, Url + "?dryRun=true", Form(("map", "Zoë Brandt=not an address")));

        askStatus.ShouldBe(HttpStatusCode.UnprocessableEntity);
        ask.GetProperty("import").GetProperty("errors")[0].GetProperty("message").GetString().ShouldStartWith("Dates such as '8/3/2026' can be read day first or month first");
        previewStatus.ShouldBe(HttpStatusCode.OK);
        preview.GetProperty("unmatchedOwners").EnumerateArray().Select(o => o.GetProperty("owner").GetString()).ShouldBe(["Zoë Brandt"]);
        preview.GetProperty("systemUsers").EnumerateArray().Select(o => o.GetProperty("owner").GetString()).ShouldBe(["Integration User"]);
        refusedStatus.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.GetProperty("import").GetProperty("errors")[0].GetProperty("message").GetString().ShouldStartWith("No record in calls.csv has an owner SalesSpec knows");
        mappedStatus.ShouldBe(HttpStatusCode.OK);
        mapped.GetProperty("unmatchedOwners").GetArrayLength().ShouldBe(0);
        mapped.GetProperty("systemUsers").GetArrayLength().ShouldBe(0);
        mapped.GetProperty("weeklyHours").EnumerateArray().Select(w => (w.GetProperty("email").GetString(), w.GetProperty("week").GetString(), w.GetProperty("hours").GetDecimal()))
            .OrderBy(w => w.Item1).ShouldBe([("integration@northwind.test", "2026-W32", 0.25m), ("zoe.brandt@northwind.test", "2026-W32", 0.5m)]);
        badStatus.ShouldBe(HttpStatusCode.BadRequest);

        // Said once in an import that went through, the owners need no mapping the next time.
        var (importStatus, _) = await Api.PostAsync(client, Url + "?dateOrder=month-first&role=Full-Cycle%20Rep",
            Form(("map", "Zoë Brandt=zoe.brandt@northwind.test"), ("person", "Integration User"), ("map", "Integration User=integration@northwind.test")));
        var (againStatus, again) = await Api.PostAsync(client, Url + "?dryRun=true&dateOrder=month-first", Form());
        importStatus.ShouldBe(HttpStatusCode.OK);
        againStatus.ShouldBe(HttpStatusCode.OK);
        (again.GetProperty("unmatchedOwners").GetArrayLength(), again.GetProperty("systemUsers").GetArrayLength(), again.GetProperty("recordsMatched").GetInt32()).ShouldBe((0, 0, 2));
    }

    [Fact]
    public async Task A_file_SalesSpec_does_not_know_is_mapped_by_form_values_saved_as_a_layout_and_named_later()
    {
        await using var app = new AppFactory();
        var client = await app.SignedInAsync("consultant@demo.salesspec");
        // A client's own weekly activity report: nothing in it says CRM.
        const string report =
            "Rep,Day,Minutes spent,What,Kind,Outcome\n" +
            "zoe.brandt@northwind.test,2026-08-03,30,Cold call Acme,Call,Done\n" +
            "zoe.brandt@northwind.test,2026-08-04,60,Demo Initech,Meeting,Cancelled\n" +
            "zoe.brandt@northwind.test,2026-08-05,45,Demo Hooli,Meeting,Done\n";
        MultipartFormDataContent Form(params (string Name, string Value)[] values)
        {
            var form = new MultipartFormDataContent { { new StringContent(report, Encoding.UTF8), "file", "weekly-report.csv" } };
            foreach (var (name, value) in values)
            {
                form.Add(new StringContent(value, Encoding.UTF8), name);
            }
            return form;
        }
        (string, string)[] columns =
        [
            ("column.owner", "Rep"), ("column.date", "Day"), ("column.duration", "Minutes spent"), ("durationUnit", "minutes"),
            ("column.subject", "What"), ("column.type", "Kind"), ("column.status", "Outcome"),
        ];
        const string Preview = Url + "?dryRun=true&role=Full-Cycle%20Rep";

        var (unknownStatus, unknown) = await Api.PostAsync(client, Preview, Form());
        var (unnamedStatus, unnamed) = await Api.PostAsync(client, Preview, Form(columns));
        var (badUnitStatus, _) = await Api.PostAsync(client, Preview, Form(("column.owner", "Rep"), ("column.date", "Day"), ("durationUnit", "fortnights"), ("layout", "Acme")));
        var (missingStatus, missing) = await Api.PostAsync(client, Preview, Form(("layout", "Acme weekly report")));
        var (previewStatus, preview) = await Api.PostAsync(client, Preview, Form([.. columns, ("layout", "Acme weekly report")]));

        unknownStatus.ShouldBe(HttpStatusCode.UnprocessableEntity);
        unknown.GetProperty("import").GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("Map its columns");
        var file = unknown.GetProperty("files")[0];
        file.GetProperty("kind").GetString().ShouldBe("Unknown");
        string.Join("|", file.GetProperty("columns").EnumerateArray().Select(c => c.GetString())).ShouldBe("Rep|Day|Minutes spent|What|Kind|Outcome");
        unnamedStatus.ShouldBe(HttpStatusCode.UnprocessableEntity);
        unnamed.GetProperty("import").GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldStartWith("Name the layout");
        badUnitStatus.ShouldBe(HttpStatusCode.BadRequest);
        missingStatus.ShouldBe(HttpStatusCode.UnprocessableEntity);
        missing.GetProperty("import").GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldStartWith("No layout of the organisation is named 'Acme weekly report'. None is saved yet");
        previewStatus.ShouldBe(HttpStatusCode.OK);
        (preview.GetProperty("files")[0].GetProperty("kind").GetString(), preview.GetProperty("files")[0].GetProperty("layout").GetString()).ShouldBe(("Mapped", "Acme weekly report"));
        preview.GetProperty("skipped").GetProperty("CanceledMeeting").GetInt32().ShouldBe(1);
        preview.GetProperty("weeklyHours").EnumerateArray().Sum(w => w.GetProperty("hours").GetDecimal()).ShouldBe(1.25m);

        // A dry run saves nothing.
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations/1/crm/layouts")).GetArrayLength().ShouldBe(0);

        // Imported once, the layout is the organisation's: listed, named by the API, and used by itself for a file it fits.
        var (importStatus, _) = await Api.PostAsync(client, Url + "?role=Full-Cycle%20Rep", Form([.. columns, ("layout", "Acme weekly report")]));
        var layouts = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations/1/crm/layouts");
        var (namedStatus, named) = await Api.PostAsync(client, Preview, Form(("layout", "acme WEEKLY report")));
        var (againStatus, again) = await Api.PostAsync(client, Preview, Form());
        importStatus.ShouldBe(HttpStatusCode.OK);
        layouts.EnumerateArray().Select(l => (l.GetProperty("name").GetString(), l.GetProperty("owner").GetString(), l.GetProperty("duration").GetString(), l.GetProperty("durationUnit").GetString()))
            .ShouldBe([("Acme weekly report", "Rep", "Minutes spent", "Minutes")]);
        namedStatus.ShouldBe(HttpStatusCode.OK);
        named.GetProperty("recordsMatched").GetInt32().ShouldBe(2);
        againStatus.ShouldBe(HttpStatusCode.OK);
        again.GetProperty("files")[0].GetProperty("layout").GetString().ShouldBe("Acme weekly report");
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
