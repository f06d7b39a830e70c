using System.Net;
using System.Text.Json;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Scenarios;

/// <summary>Scenarios over the API, through the whole app on both databases: created, changed with a version check, read back with their figures.</summary>
public sealed class ScenarioApiTests
{
    private static readonly string Scenarios = $"/api/v1/organizations/{AppFactory.Northwind}/scenarios";

    /// <summary>The demo's inbound recommendation names these three (the board's stars).</summary>
    private static readonly string[] InboundCandidates = ["Kara Lopez", "Olivia Patel", "Tara Usman"];

    private static string Rep(string name) => $"{name.Replace(' ', '.').ToLowerInvariant()}@{DemoOrganization.EmailDomain}";

    /// <summary>A workload's gap in hours a week, to the tenth the board shows.</summary>
    private static decimal Gap(JsonElement document, string figures, string workload) =>
        document.GetProperty(figures).GetProperty("workloads").EnumerateArray()
            .Single(w => w.GetProperty("workload").GetString() == workload).GetProperty("gap").GetDecimal() is var gap ? Math.Round(gap, 1) : 0m;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_consultant_creates_a_scenario_and_moves_reps_over_the_api_and_a_stale_version_gets_409(string provider)
    {
        await using var app = await AppFactory.ForProviderAsync(provider);
        using var consultant = await app.SignedInAsync("consultant@demo.salesspec");

        var (status, created) = await Api.SendAsync(consultant, HttpMethod.Post, Scenarios,
            new { name = "Inbound team", from = "2026-W36", to = "2026-W47", focus = "InboundQualification" });
        status.ShouldBe(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        (created.GetProperty("version").GetInt32(), created.GetProperty("from").GetString(), created.GetProperty("startMonth").GetString())
            .ShouldBe((1, "2026-W36", "2026-12-01"));
        // The same figures as the board: nobody's core job is inbound today (docs/scenarios.md).
        Gap(created, "today", "InboundQualification").ShouldBe(-203.8m);
        Gap(created, "scenario", "InboundQualification").ShouldBe(-203.8m);
        created.GetProperty("today").GetProperty("people").GetInt32().ShouldBe(19);

        // The recommendation's three candidates become Market Response Reps, plus an external SDR.
        var moves = InboundCandidates.ToDictionary(Rep, _ => "Market Response Rep");
        var hires = new[] { new { role = "Sales Development Rep", count = 1, @internal = false, startMonth = 1 } };
        (status, var changed) = await Api.SendAsync(consultant, HttpMethod.Put, $"{Scenarios}/{id}", new { version = 1, moves, hires });
        status.ShouldBe(HttpStatusCode.OK);
        changed.GetProperty("version").GetInt32().ShouldBe(2);
        changed.GetProperty("name").GetString().ShouldBe("Inbound team");
        Gap(changed, "scenario", "InboundQualification").ShouldBe(-95.8m);
        Gap(changed, "today", "InboundQualification").ShouldBe(-203.8m);
        changed.GetProperty("scenario").GetProperty("people").GetInt32().ShouldBe(20);
        changed.GetProperty("moves").EnumerateObject().Select(m => (m.Name, m.Value.GetString())).Order()
            .ShouldBe(moves.Select(m => (m.Key, (string?)m.Value)).Order());

        // Someone still at version 1 is refused, and nothing of theirs is saved.
        (status, var conflict) = await Api.SendAsync(consultant, HttpMethod.Put, $"{Scenarios}/{id}", new { version = 1, name = "Mine" });
        status.ShouldBe(HttpStatusCode.Conflict);
        conflict.GetProperty("detail").GetString()!.ShouldStartWith("Someone else saved this scenario");
        (status, var read) = await Api.SendAsync(consultant, HttpMethod.Get, $"{Scenarios}/{id}");
        status.ShouldBe(HttpStatusCode.OK);
        (read.GetProperty("name").GetString(), read.GetProperty("version").GetInt32()).ShouldBe(("Inbound team", 2));
        Gap(read, "scenario", "InboundQualification").ShouldBe(-95.8m);
    }

    [Fact]
    public async Task Bad_input_gets_400_with_the_reasons_and_reps_get_403()
    {
        await using var app = new AppFactory();
        using var consultant = await app.SignedInAsync("consultant@demo.salesspec");

        var (status, invalid) = await Api.SendAsync(consultant, HttpMethod.Post, Scenarios, new { name = "", from = "2026-W47", to = "2026-W36" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").GetProperty("scenario").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["Give the scenario a name, like \"Inbound team of four\".", "The period ends before it starts."]);

        (status, var empty) = await Api.SendAsync(consultant, HttpMethod.Post, Scenarios, new { name = "Plan", from = "2020-W01", to = "2020-W10" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        empty.GetProperty("errors").GetProperty("scenario").EnumerateArray().Single().GetString()!
            .ShouldStartWith("There are no hours logged between 2020-W01 and 2020-W10; pick a period with data (hours run from ");

        (status, var created) = await Api.SendAsync(consultant, HttpMethod.Post, Scenarios, new { name = "Plan", from = "2026-W36", to = "2026-W47" });
        status.ShouldBe(HttpStatusCode.Created);
        var url = $"{Scenarios}/{created.GetProperty("id").GetInt32()}";
        (status, var unknown) = await Api.SendAsync(consultant, HttpMethod.Put, url,
            new { version = 1, moves = new Dictionary<string, string> { ["nobody@northwind.test"] = "Account Executive", [Rep("Hugo Ito")] = "Chief Fun Officer" } });
        status.ShouldBe(HttpStatusCode.BadRequest);
        unknown.GetProperty("errors").GetProperty("scenario").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["'nobody@northwind.test' is not a rep of the scenario's period (2026-W36 – 2026-W47)."]);
        (status, var role) = await Api.SendAsync(consultant, HttpMethod.Put, url,
            new { version = 1, moves = new Dictionary<string, string> { [Rep("Hugo Ito")] = "Chief Fun Officer" } });
        status.ShouldBe(HttpStatusCode.BadRequest);
        role.GetProperty("errors").GetProperty("scenario").EnumerateArray().Select(e => e.GetString()).ShouldBe(["'Chief Fun Officer' is not one of the organisation's roles."]);
        (status, _) = await Api.SendAsync(consultant, HttpMethod.Get, $"{Scenarios}/999");
        status.ShouldBe(HttpStatusCode.NotFound);

        using var rep = await app.SignedInAsync("rep@demo.salesspec");
        (status, _) = await Api.SendAsync(rep, HttpMethod.Get, url);
        status.ShouldBe(HttpStatusCode.Forbidden);
        (status, _) = await Api.SendAsync(rep, HttpMethod.Put, url, new { version = 1, name = "Mine" });
        status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
