using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SalesSpec.Web.Features.Accounts.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

/// <summary>The per-account sign-in limit, and what a limited caller is told: how long to wait, never a 404.</summary>
public sealed partial class SignInLimitTests
{
    private static AppFactory App(int perAddress, int perAccount) => new(settings: new Dictionary<string, string>
    {
        ["RateLimits:SignInPerMinute"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:SignInPerAccountPerMinute"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    })
    { MoreServices = ClientAddress.Register };

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(LoginError().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);

    private static int RetryAfter(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Attempts_against_one_account_are_limited_whatever_address_they_come_from()
    {
        await using var app = App(perAddress: 100, perAccount: 3);
        using var first = app.Client().From("203.0.113.1");
        using var second = app.Client().From("198.51.100.7");

        // Three wrong guesses from two addresses, the email typed differently each time: one account, one count.
        foreach (var (client, email) in new[] { (first, "manager@demo.salesspec"), (second, " Manager@Demo.SalesSpec "), (first, "MANAGER@demo.salesspec") })
        {
            using var refused = await SignIn.PostLoginAsync(client, email, "Wrong-1234!");
            (await ErrorAsync(refused)).ShouldBe(SignInCheck.FailedMessage);
        }

        // The fourth attempt is refused before the password is looked at, even the right one from yet another address.
        using var third = app.Client().From("192.0.2.44");
        using var limited = await SignIn.PostLoginAsync(third, "manager@demo.salesspec", SignIn.Password);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var wait = RetryAfter(limited);
        wait.ShouldBeInRange(1, 60);
        (await ErrorAsync(limited)).ShouldBe(SignInLimiter.WaitMessage(wait));
        using var page = await third.GetAsync(new Uri("/organizations/1", UriKind.Relative));
        page.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/Account/Login");
        // Another account from the same addresses is not held back.
        await SignIn.AsAsync(first, "leader@demo.salesspec");
    }

    [Fact]
    public async Task A_sign_in_post_over_the_address_limit_gets_a_page_saying_how_long_to_wait()
    {
        await using var app = App(perAddress: 2, perAccount: 100);
        using var client = app.Client();
        for (var i = 0; i < 2; i++)
        {
            using var refused = await SignIn.PostLoginAsync(client, "nobody@demo.salesspec", "Wrong-1234!");
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await SignIn.PostLoginAsync(client, "leader@demo.salesspec", SignIn.Password);

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var wait = RetryAfter(limited);
        wait.ShouldBeInRange(1, 60);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var body = await limited.Content.ReadAsStringAsync();
        body.ShouldContain($"Too many sign-in attempts — wait {wait} seconds and try again.");
        body.ShouldContain("href=\"/Account/Login\"");
        body.ShouldNotContain("Page not found");
    }

    [Fact]
    public async Task The_token_endpoint_answers_429_with_Retry_After_when_one_account_is_over_its_limit()
    {
        await using var app = App(perAddress: 100, perAccount: 2);
        async Task<HttpResponseMessage> PostAsync(string address, string email)
        {
            using var client = app.Client().From(address);
            return await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { email, password = "Wrong-1234!" });
        }
        (await PostAsync("203.0.113.1", "consultant@demo.salesspec")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync("198.51.100.7", "Consultant@demo.salesspec ")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var limited = await PostAsync("192.0.2.44", "consultant@demo.salesspec");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var wait = RetryAfter(limited);
        wait.ShouldBeInRange(1, 60);
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(429);
        problem.GetProperty("detail").GetString().ShouldBe(SignInLimiter.WaitMessage(wait));
        // An unknown email is limited the same way, so a 429 says nothing about which emails have accounts;
        // a different account is not limited.
        (await PostAsync("203.0.113.1", "leader@demo.salesspec")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
