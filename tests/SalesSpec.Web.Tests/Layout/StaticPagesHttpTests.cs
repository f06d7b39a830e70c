using System.Net;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Layout;

/// <summary>
/// The static pages through the whole app over HTTP: whatever the address bar holds, they answer with a page, not an
/// error; they hold no interactive component, their bar included; the search comes back encoded.
/// </summary>
public sealed class StaticPagesHttpTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync() => _admin = await _app.SignedInAsync("admin@demo.salesspec");

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/organizations/1/audit?page=abc&size=x")]
    [InlineData("/organizations/1/audit?page=99999999999&size=-3")]
    [InlineData("/organizations/1?desc=1&page=abc&sort=nonsense")]
    [InlineData("/organizations/1?page=99999999999&desc=yes")]
    [InlineData("/organizations/1/dashboard?page=abc&sort=nonsense&hpage=-4&hsort=1&missing=x&rep=nobody")]
    [InlineData("/organizations/1/dashboard?line=30&page=99999999999&q=%00%01")]
    public async Task A_malformed_address_still_shows_the_page(string address)
    {
        var response = await _admin.GetAsync(new Uri(address, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-rendering=\"static\"");
        html.ShouldContain("<h1");
    }

    [Theory]
    [InlineData("/organizations/1")]
    [InlineData("/organizations/1/audit")]
    [InlineData("/organizations/1/dashboard")]
    [InlineData("/organizations/1/dashboard?rep=ana.ruiz%40northwind.test&line=25")]
    public async Task No_part_of_the_page_is_interactive(string address)
    {
        var html = await _admin.GetStringAsync(new Uri(address, UriKind.Relative));

        // No server component marker: the page, its bar's bell and account menu (StaticBarActions) open no circuit.
        html.Split("\"type\":\"server\"").Length.ShouldBe(1);
        html.ShouldContain("data-testid=\"bar-actions\"");
        html.ShouldContain("data-testid=\"sign-out\"");
    }

    [Fact]
    public async Task The_search_comes_back_encoded()
    {
        var html = await _admin.GetStringAsync(new Uri("/organizations/1?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", UriKind.Relative));

        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
