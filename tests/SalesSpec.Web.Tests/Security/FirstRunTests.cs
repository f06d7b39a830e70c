using System.Net;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

/// <summary>Without demo data there is no default account: the first Admin comes from a one-time set-up page.</summary>
public sealed class FirstRunTests : IAsyncLifetime
{
    private readonly AppFactory _app = new(demo: false);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string page, string confirm)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
            ["Input.OrganizationName"] = "Fabrikam",
            ["Input.Template"] = "ThreeWorkloads",
            ["Input.Name"] = "Fran Admin",
            ["Input.Email"] = "fran@fabrikam.test",
            ["Input.Password"] = "Fabrikam-2026!",
            ["Input.ConfirmPassword"] = confirm,
        });
        return await client.PostAsync(new Uri("/setup", UriKind.Relative), form);
    }

    [Fact]
    public async Task The_first_admin_sets_up_once_and_the_page_is_gone_afterwards()
    {
        using var client = _app.Client();
        var login = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        login.ShouldContain("Set up SalesSpec");
        login.ShouldNotContain("demo.salesspec");
        using (var demoLogin = await SignIn.PostLoginAsync(client, "admin@demo.salesspec", SignIn.Password))
        {
            (await demoLogin.Content.ReadAsStringAsync()).ShouldContain("do not match an account");
        }

        var page = await client.GetStringAsync(new Uri("/setup", UriKind.Relative));
        using var mismatch = await PostSetupAsync(client, page, "Different-2026!");
        (await mismatch.Content.ReadAsStringAsync()).ShouldContain("The two passwords differ.");
        using var done = await PostSetupAsync(client, page, "Fabrikam-2026!");

        done.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/organizations/1");
        (await done.Content.ReadAsStringAsync()).ShouldContain("Fabrikam");
        using var again = await client.GetAsync(new Uri("/setup", UriKind.Relative));
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await again.Content.ReadAsStringAsync()).ShouldNotContain("Create organisation and sign in");
        using var stranger = _app.Client();
        var strangerPage = await stranger.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        strangerPage.ShouldNotContain("Set up SalesSpec");
    }
}
