using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using SalesSpec.Web.Features.Accounts;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

/// <summary>
/// Server-side sessions: a cookie counts only while its session row is live, so signing out (here or everywhere)
/// and a password change end copies of the cookie too. On both databases.
/// </summary>
public sealed class SessionTests
{
    private const string Leader = "leader@demo.salesspec";

    /// <summary>A browser whose cookies the test can copy, as someone who stole them would.</summary>
    private sealed class Browser : IDisposable
    {
        private readonly AppFactory _app;

        public Browser(AppFactory app, CookieContainer? copyOf = null)
        {
            _app = app;
            if (copyOf is not null)
            {
                foreach (Cookie cookie in copyOf.GetAllCookies())
                {
                    Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
                }
            }
            Client = app.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(Cookies));
        }

        public CookieContainer Cookies { get; } = new();

        public HttpClient Client { get; }

        /// <summary>Another browser holding a copy of this one's cookies.</summary>
        public Browser Copy() => new(_app, Cookies);

        public void Dispose() => Client.Dispose();
    }

    private static async Task<HttpStatusCode> ApiAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/organizations", UriKind.Relative));
        return response.StatusCode;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string>? fields = null)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(html) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next) =>
        PostFormAsync(client, "/Account/Manage", "/Account/Manage", new()
        {
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        });

    private static async Task<Browser> SignedInAsync(AppFactory app, string email, string password = SignIn.Password)
    {
        var browser = new Browser(app);
        await SignIn.AsAsync(browser.Client, email, password);
        return browser;
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task After_signing_out_a_copy_of_the_cookie_gets_the_sign_in_page_and_401(string provider)
    {
        await using var app = await AppFactory.ForProviderAsync(provider);
        using var browser = await SignedInAsync(app, Leader);
        using var copy = browser.Copy();
        (await ApiAsync(copy.Client)).ShouldBe(HttpStatusCode.OK);

        using var signedOut = await PostFormAsync(browser.Client, "/organizations/1", "/Account/Logout");

        signedOut.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/Account/Login");
        (await ApiAsync(copy.Client)).ShouldBe(HttpStatusCode.Unauthorized);
        using var page = await copy.Client.GetAsync(new Uri("/organizations/1", UriKind.Relative));
        page.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Signing_out_everywhere_ends_every_session_of_the_user_but_not_their_API_tokens(string provider)
    {
        await using var app = await AppFactory.ForProviderAsync(provider);
        using var laptop = await SignedInAsync(app, Leader);
        using var phone = await SignedInAsync(app, Leader);
        using var someoneElse = await SignedInAsync(app, "manager@demo.salesspec");
        var (_, token) = await Api.SendAsync(app.Client(), HttpMethod.Post, "/api/v1/auth/token", new { email = Leader, password = SignIn.Password });
        using var script = app.Client(redirects: false);
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        using var laptopCopy = laptop.Copy();
        (await ApiAsync(phone.Client)).ShouldBe(HttpStatusCode.OK);

        using var signedOut = await PostFormAsync(laptop.Client, "/Account/Manage", "/Account/LogoutEverywhere");

        signedOut.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/Account/Login");
        (await ApiAsync(phone.Client)).ShouldBe(HttpStatusCode.Unauthorized);
        (await ApiAsync(laptopCopy.Client)).ShouldBe(HttpStatusCode.Unauthorized);
        (await ApiAsync(script)).ShouldBe(HttpStatusCode.OK);
        (await ApiAsync(someoneElse.Client)).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one(string provider)
    {
        await using var app = await AppFactory.ForProviderAsync(provider);
        using var laptop = await SignedInAsync(app, Leader);
        using var phone = await SignedInAsync(app, Leader);
        const string NewPassword = "Fresh-Password-42!";

        using var changed = await ChangePasswordAsync(laptop.Client, SignIn.Password, NewPassword);

        changed.RequestMessage!.RequestUri!.PathAndQuery.ShouldBe("/Account/Manage?changed=true");
        var page = await changed.Content.ReadAsStringAsync();
        page.ShouldContain("data-testid=\"password-changed\"");
        Sessions(page).ShouldBe(1);
        (await ApiAsync(laptop.Client)).ShouldBe(HttpStatusCode.OK);
        (await ApiAsync(phone.Client)).ShouldBe(HttpStatusCode.Unauthorized);
        using var fresh = new Browser(app);
        await Should.ThrowAsync<InvalidOperationException>(() => SignIn.AsAsync(fresh.Client, Leader, SignIn.Password));
        await SignIn.AsAsync(fresh.Client, Leader, NewPassword);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_wrong_current_password_is_refused_with_a_message_and_ends_nothing(string provider)
    {
        await using var app = await AppFactory.ForProviderAsync(provider);
        using var laptop = await SignedInAsync(app, Leader);
        using var phone = await SignedInAsync(app, Leader);

        using var refused = await ChangePasswordAsync(laptop.Client, "Not-my-password-1!", "Fresh-Password-42!");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain(ManagePage.WrongPasswordMessage);
        page.ShouldNotContain("data-testid=\"password-changed\"");
        Sessions(page).ShouldBe(2);
        (await ApiAsync(phone.Client)).ShouldBe(HttpStatusCode.OK);
        using var fresh = new Browser(app);
        await SignIn.AsAsync(fresh.Client, Leader, SignIn.Password);
    }

    private static int Sessions(string page) => page.Split("data-testid=\"session-row\"").Length - 1;
}
