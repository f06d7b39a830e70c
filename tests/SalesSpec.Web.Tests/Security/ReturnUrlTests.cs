using System.Net;
using SalesSpec.Web.Components.Account;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

/// <summary>A return address that leaves the site is dropped for "/", and signing in still works.</summary>
public sealed class ReturnUrlTests
{
    public static TheoryData<string> OffSite =>
    [
        "https://evil.test/",
        "//evil.test",
        "///evil.test",
        "/\\evil.test",
        "\\\\evil.test",
        "http:evil.test",
        "javascript:alert(1)",
        "https:/evil.test",
        " //evil.test",
        "/\t/evil.test",
    ];

    [Theory]
    [MemberData(nameof(OffSite))]
    public async Task Signing_in_with_an_off_site_return_address_lands_on_the_home_page(string returnUrl)
    {
        IdentityRedirectManager.IsLocal(returnUrl).ShouldBeFalse(returnUrl);
        await using var app = new AppFactory();
        using var client = app.Client(redirects: false);
        var page = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = "leader@demo.salesspec",
            ["Input.Password"] = SignIn.Password,
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(page),
        });

        using var response = await client.PostAsync(new Uri($"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, returnUrl);
        var location = response.Headers.Location!;
        if (location.IsAbsoluteUri)
        {
            location.Host.ShouldBe("localhost", returnUrl);
        }
        location.OriginalString.ShouldNotContain("evil.test", Case.Insensitive, returnUrl);
        response.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeTrue();
        cookies!.ShouldContain(c => c.StartsWith("SalesSpec.Auth=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/organizations/1/dashboard", true)]
    [InlineData("organizations/1/dashboard?team=East", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Local_paths_are_kept(string? returnUrl, bool local) => IdentityRedirectManager.IsLocal(returnUrl).ShouldBe(local);
}
