using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SalesSpec.Web.Setup;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

/// <summary>
/// A foreign page cannot make a signed-in browser change data through the API: a data-changing call on the session
/// cookie needs this site's Origin or the antiforgery token; token callers need neither.
/// </summary>
public sealed class CsrfTests
{
    private const string Scenarios = "/api/v1/organizations/1/scenarios";

    private static HttpRequestMessage NewScenario(string name, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Scenarios, UriKind.Relative))
        {
            Content = JsonContent.Create(new { name, from = "2026-W36", to = "2026-W47" }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return request;
    }

    private static async Task<HttpClient> SessionAsync(AppFactory app)
    {
        var client = app.Client();
        await SignIn.AsAsync(client, "consultant@demo.salesspec");
        client.DefaultRequestHeaders.Remove("Origin");
        return client;
    }

    private static async Task<List<string>> ScenarioNamesAsync(HttpClient client)
    {
        var (_, list) = await Api.SendAsync(client, HttpMethod.Get, Scenarios);
        return list.EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://localhost:8080")]
    [InlineData("null")]
    [InlineData(null)]
    public async Task A_session_call_from_another_origin_or_none_is_refused_and_writes_nothing(string? origin)
    {
        await using var app = new AppFactory();
        using var browser = await SessionAsync(app);

        using var response = await browser.SendAsync(NewScenario("Forged", origin));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("Cross-site request refused");
        (await ScenarioNamesAsync(browser)).ShouldNotContain("Forged");
    }

    [Fact]
    public async Task The_own_origin_or_the_antiforgery_token_lets_a_session_call_through()
    {
        await using var app = new AppFactory();
        using var browser = await SessionAsync(app);

        using (var sameSite = await browser.SendAsync(NewScenario("From our page", "http://localhost")))
        {
            sameSite.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var token = await browser.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/auth/antiforgery", UriKind.Relative));
        token.GetProperty("headerName").GetString().ShouldBe(ApiCsrfSetup.HeaderName);
        using var withToken = NewScenario("With the token", origin: null);
        withToken.Headers.Add(ApiCsrfSetup.HeaderName, token.GetProperty("token").GetString());
        using (var response = await browser.SendAsync(withToken))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var forged = NewScenario("Wrong token", origin: null);
        forged.Headers.Add(ApiCsrfSetup.HeaderName, "not-a-token");
        using (var response = await browser.SendAsync(forged))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await ScenarioNamesAsync(browser)).ShouldBe(["From our page", "With the token"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ss_not-a-real-token")]
    public async Task Credentials_that_are_not_a_valid_token_do_not_lift_the_check(string authorization)
    {
        await using var app = new AppFactory();
        using var browser = await SessionAsync(app);
        using var request = NewScenario("Forged", "https://evil.example");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await browser.SendAsync(request);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized);
        (await ScenarioNamesAsync(browser)).ShouldNotContain("Forged");
    }

    [Fact]
    public async Task A_personal_access_token_needs_no_origin()
    {
        await using var app = new AppFactory();
        using var anonymous = app.Client();
        var (status, created) = await Api.SendAsync(anonymous, HttpMethod.Post, "/api/v1/auth/token",
            new { email = "consultant@demo.salesspec", password = SignIn.Password, name = "Script" });
        status.ShouldBe(HttpStatusCode.OK);
        using var script = app.Client();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.GetProperty("token").GetString());

        using var response = await script.SendAsync(NewScenario("From a script", origin: null));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }
}
