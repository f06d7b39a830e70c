using System.Text.RegularExpressions;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Security;

/// <summary>Pages allow only their own scripts and inline script carrying the response's nonce; the API allows nothing.</summary>
public sealed partial class ContentSecurityPolicyTests
{
    [Fact]
    public async Task Each_page_response_has_a_fresh_nonce_and_one_policy()
    {
        await using var app = new AppFactory();
        using var client = app.Client();

        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
            var policy = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
            var nonce = NoncePattern().Match(policy).Groups[1].Value;
            nonce.Length.ShouldBeGreaterThanOrEqualTo(20);
            policy.ShouldContain("object-src 'none'");
            policy.ShouldContain("frame-ancestors 'none'");
            policy.ShouldNotContain("unsafe-eval");
            nonces.Add(nonce);
        }
        nonces.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task The_api_allows_nothing_to_load()
    {
        await using var app = new AppFactory();
        using var client = await app.SignedInAsync("admin@demo.salesspec");

        using var response = await client.GetAsync(new Uri("/api/v1/organizations", UriKind.Relative));

        string.Join(",", response.Headers.GetValues("Content-Security-Policy")).ShouldStartWith("default-src 'none'");
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NoncePattern();
}
