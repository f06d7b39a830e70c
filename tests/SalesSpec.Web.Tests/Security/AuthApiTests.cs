using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SalesSpec.Web.Features.Accounts.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

public sealed class AuthApiTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostTokenAsync(object body)
    {
        using var client = _app.Client();
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private HttpClient WithToken(string token)
    {
        var client = _app.Client(redirects: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_script_exchanges_email_and_password_for_a_token_that_carries_the_users_rights()
    {
        var (status, body) = await PostTokenAsync(new { email = "consultant@demo.salesspec", password = SignIn.Password, name = "nightly export" });

        status.ShouldBe(HttpStatusCode.OK);
        var token = body.GetProperty("token").GetString()!;
        token.ShouldStartWith("ss_");
        body.GetProperty("name").GetString().ShouldBe("nightly export");
        using var client = WithToken(token);
        var organizations = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/organizations", UriKind.Relative));
        organizations.EnumerateArray().Select(o => (o.GetProperty("id").GetInt32(), o.GetProperty("name").GetString(), o.GetProperty("role").GetString()))
            .ShouldBe([(AppFactory.Contoso, "Contoso Analytics", "Consultant"), (AppFactory.Northwind, "Northwind Cloud", "Consultant")]);
        using var analysis = await client.GetAsync(new Uri($"/api/v1/organizations/{AppFactory.Contoso}/analysis", UriKind.Relative));
        analysis.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("ss_madeUpButWellFormed0000000000000000000000000")]
    [InlineData("")]
    public async Task A_bad_token_gets_401_and_no_data(string token)
    {
        using var client = WithToken(token);

        using var response = await client.GetAsync(new Uri("/api/v1/organizations", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Northwind");
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var (_, body) = await PostTokenAsync(new { email = "leader@demo.salesspec", password = SignIn.Password });
        var token = body.GetProperty("token").GetString()!;
        using var client = WithToken(token);
        (await client.GetAsync(new Uri("/api/v1/organizations", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var tokens = _app.Services.GetRequiredService<PersonalAccessTokenService>();
        var userId = await UserIdAsync("leader@demo.salesspec");
        var stored = (await tokens.ListAsync(userId)).Single();

        (await tokens.RevokeAsync(userId, stored.Id)).ShouldBeTrue();

        (await client.GetAsync(new Uri("/api/v1/organizations", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Nobody_revokes_another_users_token()
    {
        var (_, _) = await PostTokenAsync(new { email = "leader@demo.salesspec", password = SignIn.Password });
        var tokens = _app.Services.GetRequiredService<PersonalAccessTokenService>();
        var leaderToken = (await tokens.ListAsync(await UserIdAsync("leader@demo.salesspec"))).Single();

        (await tokens.RevokeAsync(await UserIdAsync("rep@demo.salesspec"), leaderToken.Id)).ShouldBeFalse();
    }

    [Fact]
    public async Task Wrong_passwords_pause_new_tokens_with_the_same_answer_as_an_unknown_email_and_existing_tokens_keep_working()
    {
        var (_, issued) = await PostTokenAsync(new { email = "admin@demo.salesspec", password = SignIn.Password });
        var token = issued.GetProperty("token").GetString()!;
        static string Answer(JsonElement body) => $"{body.GetProperty("title").GetString()}: {body.GetProperty("detail").GetString()}";
        var (unknownStatus, unknown) = await PostTokenAsync(new { email = "nobody@demo.salesspec", password = "wrong-password" });
        unknownStatus.ShouldBe(HttpStatusCode.Unauthorized);
        Answer(unknown).ShouldBe($"Sign-in failed: {SignInCheck.FailedMessage}");

        for (var i = 0; i < 5; i++)
        {
            var (status, body) = await PostTokenAsync(new { email = "admin@demo.salesspec", password = "wrong-password" });
            status.ShouldBe(HttpStatusCode.Unauthorized);
            Answer(body).ShouldBe(Answer(unknown));
        }
        var (pausedStatus, paused) = await PostTokenAsync(new { email = "admin@demo.salesspec", password = SignIn.Password });

        // Paused: the right password gets no new token, and the answer does not tell that the account exists.
        pausedStatus.ShouldBe(HttpStatusCode.Unauthorized);
        Answer(paused).ShouldBe(Answer(unknown));
        // Anyone can pause any account by guessing; the scripts running on its tokens do not stop for it.
        using var script = WithToken(token);
        using var organizations = await script.GetAsync(new Uri("/api/v1/organizations", UriKind.Relative));
        organizations.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{}", "email")]
    [InlineData("{\"email\":\"x\",\"password\":\"y\"}", "email")]
    [InlineData("{\"email\":\"a@b.test\",\"password\":\"y\",\"days\":400}", "days")]
    public async Task A_bad_token_request_gets_problem_details(string json, string field)
    {
        using var client = _app.Client();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative), content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var client = _app.Client();

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/organizations/{id}/analysis");
        paths.ShouldContain("/api/v1/auth/token");
        paths.ShouldAllBe(p => p.StartsWith("/api/v1/"));
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }
}
