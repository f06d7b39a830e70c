using Microsoft.Playwright;

namespace SalesSpec.E2E;

/// <summary>
/// Every page works under the Content-Security-Policy (the circuit connects, nothing is refused), and a script
/// slipped into a page does not run.
/// </summary>
public sealed class ContentSecurityPolicyJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    private static readonly string[] AdminPages =
    [
        "organizations/1", "organizations/1/dashboard", "organizations/1/team-week", "organizations/1/people",
        "organizations/1/teams", "organizations/1/catalogue", "organizations/1/roles", "organizations/1/members",
        "organizations/1/audit", "organizations/1/settings", "organizations/1/import", "organizations/1/import/crm",
        "organizations/1/scenarios", "organizations/new", "profile",
    ];

    [Fact]
    public async Task Every_admin_page_runs_under_the_policy_and_an_injected_script_does_not()
    {
        await using var context = await browser.NewContextAsync(app);
        var refused = new List<string>();
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add($"{page.Url}: {message.Text}");
            }
        };

        var login = await page.GotoAsync("/Account/Login");
        var policy = (await login!.HeaderValueAsync("content-security-policy"))!;
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        nonce.ShouldNotBeEmpty();
        // Every inline script of the page (Blazor's import map) carries this response's nonce.
        var inline = System.Text.RegularExpressions.Regex.Matches(await login.TextAsync(), "<script(?![^>]*\\bsrc=)[^>]*>");
        inline.Select(m => m.Value).ShouldAllBe(script => script.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal), $"{policy} :: {string.Join(" ", inline.Select(m => m.Value))}");
        await OverviewJourneyTests.SignInAsync(page, "admin@demo.salesspec");
        await Browser.WaitForUrlAsync(page, "**/organizations/1");
        foreach (var path in AdminPages)
        {
            await page.GotoAsync(path);
            await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
        }
        refused.ShouldBeEmpty();

        // What an injection would do: an inline script added to the page. The policy refuses it.
        var ran = await page.EvaluateAsync<bool>(
            "() => { const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.body.appendChild(s); return window.__injected === true; }");
        ran.ShouldBeFalse();
        await Assertions.Expect(page.Locator(".mud-layout")).ToHaveAttributeAsync("data-interactive", "true");
        refused.ShouldNotBeEmpty();
    }
}
