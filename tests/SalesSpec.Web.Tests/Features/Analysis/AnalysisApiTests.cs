using System.Globalization;
using System.Net;
using System.Text.Json;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Analysis;

/// <summary>The analysis API through the whole app, on SQLite with the demo organisation.</summary>
public sealed class AnalysisApiTests : IAsyncLifetime
{
    private readonly AppFactory _factory = new();
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync() => _client = await _factory.SignedInAsync("leader@demo.salesspec");

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> GetAsync(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_inbound_recommendation_has_the_same_numbers_in_the_json_and_the_excel_export()
    {
        var (_, body, _) = await GetAsync("/api/v1/organizations/1/analysis?from=2026-W36&to=2026-W47");
        var inbound = body.GetProperty("recommendations").EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "SplitOutRole" && r.GetProperty("workload").GetString() == "InboundQualification");
        using var response = await _client.GetAsync(new Uri("/api/v1/organizations/1/export.xlsx?from=2026-W36&to=2026-W47", UriKind.Relative));
        var workbook = new SalesSpec.Web.Tests.Support.WorkbookReader(await response.Content.ReadAsStreamAsync());

        var header = workbook.RowsUsed("Summary").Single(r => workbook.Cell("Summary", r, 1).Text == "Recommendation");
        string Column(int row, string name) =>
            workbook.Cell("Summary", row, Enumerable.Range(1, 11).Single(c => workbook.Cell("Summary", header, c).Text == name)).Text;
        var row = workbook.RowsUsed("Summary").Single(r => workbook.Cell("Summary", r, 1).Text == "Break out inbound qualification into its own role");
        // JSON carries a double's 16 digits, the workbook the decimal's 28: the same number to 12 places.
        decimal Number(string text) => decimal.Round(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), 12);

        // The very numbers of the analysis (the cell's format rounds them for the eye, as the pages do).
        Number(Column(row, "Share")).ShouldBe(decimal.Round(inbound.GetProperty("share").GetDecimal(), 12));
        Number(Column(row, "Hours a week")).ShouldBe(decimal.Round(inbound.GetProperty("weeklyHours").GetDecimal(), 12));
        Number(Column(row, "FTE")).ShouldBe(decimal.Round(inbound.GetProperty("fteEquivalent").GetDecimal(), 12));
        Number(Column(row, "Headcount")).ShouldBe(decimal.Round(inbound.GetProperty("suggestedHeadcount").GetDecimal(), 12));
        Column(row, "Candidates' emails").ShouldBe(string.Join(", ", inbound.GetProperty("candidates").EnumerateArray().Select(c => c.GetString())));
        Column(row, "Candidates").ShouldNotContain("@");
        var named = inbound.GetProperty("candidates").GetArrayLength();
        var headcount = inbound.GetProperty("suggestedHeadcount").GetInt32();
        Column(row, "Other seats").ShouldBe(headcount > named ? $"{named} named here; {headcount - named} more from moves or hires." : "");
        Column(row, "Source").ShouldContain("“The Problems with “Lumping”; Separate the Four Core Sales Functions”");
    }

    [Fact]
    public async Task The_what_if_line_decides_the_json_the_csv_and_the_workbook_and_each_says_so()
    {
        var (_, saved, _) = await GetAsync("/api/v1/organizations/1/analysis?from=2026-W36&to=2026-W47");
        var (status, body, _) = await GetAsync("/api/v1/organizations/1/analysis?from=2026-W36&to=2026-W47&line=30");

        status.ShouldBe(HttpStatusCode.OK);
        saved.GetProperty("threshold").GetDecimal().ShouldBe(0.2m);
        body.GetProperty("threshold").GetDecimal().ShouldBe(0.3m);
        saved.GetProperty("recommendations").EnumerateArray().ShouldContain(r => r.GetProperty("kind").GetString() == "SplitOutRole");
        body.GetProperty("recommendations").EnumerateArray().ShouldNotContain(r => r.GetProperty("kind").GetString() == "SplitOutRole");

        using var csv = await _client.GetAsync(new Uri("/api/v1/organizations/1/analysis.csv?from=2026-W36&to=2026-W47&line=30", UriKind.Relative));
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("analysis-2026-W36-2026-W47-line-30.csv");
        var rows = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var focus = body.GetProperty("reps").EnumerateArray().ToDictionary(r => r.GetProperty("email").GetString()!, r => r.GetProperty("focus").GetString());
        rows.Skip(1).ShouldAllBe(row => row.TrimEnd('\r').EndsWith("," + focus[row.Split(',', StringSplitOptions.None)[0]], StringComparison.Ordinal));

        using var xlsx = await _client.GetAsync(new Uri("/api/v1/organizations/1/export.xlsx?from=2026-W36&to=2026-W47&line=30", UriKind.Relative));
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("salesspec-2026-W36-2026-W47-line-30.xlsx");
        var workbook = new SalesSpec.Web.Tests.Support.WorkbookReader(await xlsx.Content.ReadAsStreamAsync());
        workbook.RowsUsed("Summary").Select(r => workbook.Cell("Summary", r, 1).Text)
            .ShouldContain("What-if: figures at an 80/20 line of 30 %; the organisation's setting is 20 %.");
        workbook.RowsUsed("Summary").ShouldNotContain(r => workbook.Cell("Summary", r, 1).Text == "Break out inbound qualification into its own role");
    }

    [Theory]
    [InlineData("analysis")]
    [InlineData("analysis.csv")]
    [InlineData("export.xlsx")]
    public async Task A_bad_line_is_refused_with_the_reason(string export)
    {
        using var response = await _client.GetAsync(new Uri($"/api/v1/organizations/1/{export}?line=150", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("errors").GetProperty("line")[0].GetString()
            .ShouldBe("'150' is not an 80/20 line: give a percentage above 0 and below 100 with at most two decimals, such as 30.");
    }

    [Theory]
    [InlineData("team=Commercial", true)]
    [InlineData("", false)]
    public async Task A_teams_workbook_says_which_rules_are_organisation_wide(string query, bool saysSo)
    {
        using var response = await _client.GetAsync(new Uri($"/api/v1/organizations/1/export.xlsx?{query}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var workbook = new SalesSpec.Web.Tests.Support.WorkbookReader(await response.Content.ReadAsStreamAsync());

        var header = workbook.RowsUsed("Summary").Single(r => workbook.Cell("Summary", r, 1).Text == "Recommendation");
        var rationale = Enumerable.Range(1, 11).Single(c => workbook.Cell("Summary", header, c).Text == "Rationale");
        var row = workbook.RowsUsed("Summary").Single(r => workbook.Cell("Summary", r, 1).Text == "Give the missing core functions an owner");
        workbook.Cell("Summary", row, rationale).Text.Contains("Organisation-wide: counted across the whole organisation, not only the Commercial team.", StringComparison.Ordinal)
            .ShouldBe(saysSo);
    }

    [Fact]
    public async Task Without_a_period_it_analyses_the_last_twelve_complete_weeks()
    {
        var (status, body, _) = await GetAsync("/api/v1/organizations/1/analysis");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("from").GetString().ShouldBe("2026-08-31");
        body.GetProperty("to").GetString().ShouldBe("2026-11-22");
        body.GetProperty("weeks").GetInt32().ShouldBe(12);
        body.GetProperty("template").GetString().ShouldBe("FourRoles");
        body.GetProperty("reps").GetArrayLength().ShouldBe(19);
        var first = body.GetProperty("recommendations")[0];
        first.GetProperty("kind").GetString().ShouldBe("SplitOutRole");
        first.GetProperty("workload").GetString().ShouldBe("InboundQualification");
        first.GetProperty("share").GetDouble().ShouldBeGreaterThan(0.2);
        first.GetProperty("candidates").GetArrayLength().ShouldBe(3);
        var ruleOfThumb = body.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "MissingCoreRoles");
        ruleOfThumb.GetProperty("workload").ValueKind.ShouldBe(JsonValueKind.Null);
        ruleOfThumb.TryGetProperty("share", out _).ShouldBeFalse();
        body.GetProperty("missingTimesheets").EnumerateArray().Select(m => m.GetProperty("email").GetString())
            .ShouldBe(["noah.okafor@northwind.test", "tara.usman@northwind.test"]);
    }

    [Theory]
    [InlineData("from=2026-W40&to=2026-W47", "2026-09-28", "2026-11-22", 8)]
    [InlineData("from=2026-10-01&to=2026-10-01", "2026-09-28", "2026-10-04", 1)]
    public async Task The_period_takes_iso_weeks_or_dates(string query, string from, string to, int weeks)
    {
        var (status, body, _) = await GetAsync($"/api/v1/organizations/1/analysis?{query}");

        status.ShouldBe(HttpStatusCode.OK);
        (body.GetProperty("from").GetString(), body.GetProperty("to").GetString(), body.GetProperty("weeks").GetInt32()).ShouldBe((from, to, weeks));
    }

    [Fact]
    public async Task A_team_narrows_the_reps()
    {
        var (status, body, _) = await GetAsync("/api/v1/organizations/1/analysis?team=enterprise");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("reps").EnumerateArray().ShouldAllBe(r => r.GetProperty("team").GetString() == "Enterprise");
        body.GetProperty("reps").GetArrayLength().ShouldBe(6);
    }

    [Theory]
    [InlineData("from=2026-W54", "from", "is not an ISO week")]
    [InlineData("to=yesterday", "to", "is not an ISO week")]
    [InlineData("from=2026-W47&to=2026-W40", "from", "after it ends")]
    [InlineData("from=2010-W01&to=2026-W40", "to", "at most 520 weeks")]
    [InlineData("team=Nowhere", "team", "Teams: Commercial, Enterprise, Mid-Market")]
    public async Task Bad_queries_get_problem_details_naming_the_parameter(string query, string parameter, string message)
    {
        var (status, body, contentType) = await GetAsync($"/api/v1/organizations/1/analysis?{query}");

        status.ShouldBe(HttpStatusCode.BadRequest);
        contentType.ShouldBe("application/problem+json");
        body.GetProperty("errors").GetProperty(parameter)[0].GetString()!.ShouldContain(message);
    }

    [Fact]
    public async Task Without_signing_in_the_api_answers_401_and_no_data()
    {
        using var anonymous = _factory.Client(redirects: false);

        using var response = await anonymous.GetAsync(new Uri("/api/v1/organizations/1/analysis", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("northwind.test");
    }

    [Fact]
    public async Task Another_organisations_analysis_is_404_like_one_that_does_not_exist()
    {
        var (status, body, _) = await GetAsync("/api/v1/organizations/2/analysis");

        status.ShouldBe(HttpStatusCode.NotFound);
        body.ToString().ShouldNotContain("contoso");
    }

    [Theory]
    [InlineData("consultant@demo.salesspec", "/api/v1/organizations/2/analysis", HttpStatusCode.OK)]
    [InlineData("rep@demo.salesspec", "/api/v1/organizations/1/analysis", HttpStatusCode.Forbidden)]
    [InlineData("manager@demo.salesspec", "/api/v1/organizations/1/analysis", HttpStatusCode.Forbidden)]
    [InlineData("manager@demo.salesspec", "/api/v1/organizations/1/analysis?team=Commercial", HttpStatusCode.OK)]
    [InlineData("manager@demo.salesspec", "/api/v1/organizations/1/analysis?team=Enterprise", HttpStatusCode.BadRequest)]
    [InlineData("admin@demo.salesspec", "/api/v1/organizations/2/analysis", HttpStatusCode.NotFound)]
    public async Task Each_role_gets_what_it_may_see(string email, string url, HttpStatusCode expected)
    {
        using var client = await _factory.SignedInAsync(email);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(expected, body);
        if (expected == HttpStatusCode.BadRequest)
        {
            body.ShouldContain("Teams: Commercial.");
            body.ShouldNotContain("Enterprise,");
        }
    }

    [Fact]
    public async Task An_unknown_organisation_is_404_problem_details()
    {
        var (status, body, contentType) = await GetAsync("/api/v1/organizations/999/analysis");

        status.ShouldBe(HttpStatusCode.NotFound);
        contentType.ShouldBe("application/problem+json");
        body.GetProperty("title").GetString().ShouldBe("Organisation not found");
    }
}
