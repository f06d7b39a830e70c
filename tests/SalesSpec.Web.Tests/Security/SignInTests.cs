using System.Net;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Wrong_passwords_an_unknown_email_and_a_paused_account_all_get_the_same_words()
    {
        using var client = _app.Client();
        static async Task<string> ErrorAsync(HttpResponseMessage response) =>
            System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "data-testid=\"login-error\">([^<]*)<").Groups[1].Value;
        using var unknown = await SignIn.PostLoginAsync(client, "nobody@demo.salesspec", "Wrong-1234!");
        (await ErrorAsync(unknown)).ShouldBe(Web.Features.Accounts.Services.SignInCheck.FailedMessage);
        for (var i = 0; i < 5; i++)
        {
            using var failed = await SignIn.PostLoginAsync(client, "manager@demo.salesspec", "Wrong-1234!");
            (await ErrorAsync(failed)).ShouldBe(Web.Features.Accounts.Services.SignInCheck.FailedMessage);
        }

        using var right = await SignIn.PostLoginAsync(client, "manager@demo.salesspec", SignIn.Password);

        // Paused for 15 minutes: the right password does not sign in, and the words are those of an unknown email.
        (await ErrorAsync(right)).ShouldBe(Web.Features.Accounts.Services.SignInCheck.FailedMessage);
        using var page = await client.GetAsync(new Uri("/organizations/1", UriKind.Relative));
        page.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task A_sign_in_post_without_an_antiforgery_token_is_refused()
    {
        using var client = _app.Client();

        using var response = await SignIn.PostLoginAsync(client, "leader@demo.salesspec", SignIn.Password, withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var page = await client.GetAsync(new Uri("/organizations/1", UriKind.Relative));
        page.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await _app.SignedInAsync("leader@demo.salesspec");
        var page = await client.GetStringAsync(new Uri("/organizations/1", UriKind.Relative));
        page.ShouldContain("Northwind Cloud");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page) });

        using var signedOut = await client.PostAsync(new Uri("/Account/Logout", UriKind.Relative), form);

        signedOut.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/Account/Login");
        using var after = await client.GetAsync(new Uri("/api/v1/organizations", UriKind.Relative));
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        using var client = _app.Client();

        using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["strict-origin-when-cross-origin"]);
    }
}
