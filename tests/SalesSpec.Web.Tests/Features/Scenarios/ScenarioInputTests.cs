using System.Net;
using System.Text.Json;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Scenarios;

/// <summary>Bad scenario input over the API: a 400 with the reason, never a 500, and nothing written.</summary>
public sealed class ScenarioInputTests
{
    private static readonly string Scenarios = $"/api/v1/organizations/{AppFactory.Northwind}/scenarios";

    public static TheoryData<string, string> BadUpdates => new()
    {
        { """{ "version": 1, "name": "Plan\u0000A" }""", "control characters" },
        { """{ "version": 1, "notes": "Line one\u0000" }""", "control characters" },
        { """{ "version": 1, "moves": { "ana.ruiz@northwind.test": "Market Response Rep", "ANA.RUIZ@northwind.test": "Market Response Rep" } }""", "moved twice" },
        { """{ "version": 1, "moves": { "ana.ruiz@northwind.test": null } }""", "names the role" },
        { """{ "version": 1, "handOffs": { "Leads>InboundQualification": null } }""", "needs a label" },
        { """{ "version": 1, "handOffs": { "Leads>InboundQualification": "A", "leads>inboundqualification": "B" } }""", "given twice" },
        { """{ "version": 1, "startMonth": "9999-12-01" }""", "within 10 years" },
        { """{ "version": 1, "startMonth": "0001-01-01" }""", "within 10 years" },
        { """{ "version": 1, "hires": [ { "role": null, "count": 1, "internal": false, "startMonth": 1 } ] }""", "needs a role" },
        { """{ "version": 1, "hires": [ null ] }""", "missing" },
    };

    [Theory]
    [MemberData(nameof(BadUpdates))]
    public async Task A_bad_update_is_refused_with_the_reason_and_the_scenario_is_unchanged(string body, string reason)
    {
        await using var app = new AppFactory();
        using var consultant = await app.SignedInAsync("consultant@demo.salesspec");
        var (status, created) = await Api.SendAsync(consultant, HttpMethod.Post, Scenarios, new { name = "Inbound team", from = "2026-W36", to = "2026-W47" });
        status.ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await consultant.PutAsync(new Uri($"{Scenarios}/{id}", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        (await response.Content.ReadAsStringAsync()).ShouldContain(reason, Case.Insensitive, body);
        var (_, after) = await Api.SendAsync(consultant, HttpMethod.Get, $"{Scenarios}/{id}");
        (after.GetProperty("version").GetInt32(), after.GetProperty("name").GetString()).ShouldBe((1, "Inbound team"));
    }

    [Fact]
    public async Task A_period_longer_than_two_years_is_refused_and_the_list_gives_weeks_as_iso_strings()
    {
        await using var app = new AppFactory();
        using var consultant = await app.SignedInAsync("consultant@demo.salesspec");

        var (status, problem) = await Api.SendAsync(consultant, HttpMethod.Post, Scenarios, new { name = "Long", from = "2024-W01", to = "2026-W47" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.ToString().ShouldContain("at most 104 weeks");

        (status, _) = await Api.SendAsync(consultant, HttpMethod.Post, Scenarios, new { name = "Two years", from = "2024-W48", to = "2026-W47" });
        status.ShouldBe(HttpStatusCode.Created);
        var (_, list) = await Api.SendAsync(consultant, HttpMethod.Get, Scenarios);
        var line = list.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Two years");
        (line.GetProperty("from").ValueKind, line.GetProperty("from").GetString(), line.GetProperty("to").GetString())
            .ShouldBe((JsonValueKind.String, "2024-W48", "2026-W47"));
    }
}
