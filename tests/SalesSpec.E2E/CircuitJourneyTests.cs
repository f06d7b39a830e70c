using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesSpec.Web.Features.Telemetry;

namespace SalesSpec.E2E;

/// <summary>The circuit gauges an operator watches, against what a real browser does on real Kestrel.</summary>
public sealed class CircuitJourneyTests(CircuitJourneyTests.ShortRetentionServer app, Browser browser)
    : IClassFixture<CircuitJourneyTests.ShortRetentionServer>, IClassFixture<Browser>
{
    /// <summary>
    /// The app with a closed page's state kept 6 seconds instead of 10 minutes: whether a closing tab's goodbye
    /// reaches the server is the browser's affair (it does not always on a loaded machine); what is ours is that the
    /// gauges count the circuit until the server lets it go, and then stop.
    /// </summary>
    public sealed class ShortRetentionServer : AppServer
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) =>
            builder.UseSetting("Circuits:DisconnectedRetentionMinutes", "0.1");
    }

    [Fact]
    public async Task An_open_page_counts_as_a_connected_circuit_and_a_closed_one_stops_counting()
    {
        var metrics = app.Services.GetRequiredService<AppMetrics>();
        var context = await browser.NewContextAsync(app);
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            await OverviewJourneyTests.SignInAsync(page, "leader@demo.salesspec");
            await Browser.WaitForUrlAsync(page, "**/organizations/*/dashboard");
            await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
            // The dashboard renders statically: an open one holds no circuit.
            await Assertions.Expect(page.Locator("[data-rendering=static]")).ToHaveCountAsync(1);
            (metrics.ConnectedCircuits, metrics.ActiveCircuits).ShouldBe((0, 0));

            // The team week is interactive: one circuit.
            await page.GotoAsync(page.Url.Replace("/dashboard", "/team-week", StringComparison.Ordinal));
            await OverviewJourneyTests.WaitUntilInteractiveAsync(page);
            await WaitForAsync(() => metrics.ConnectedCircuits == 1 && metrics.ActiveCircuits == 1,
                () => $"connected {metrics.ConnectedCircuits}, active {metrics.ActiveCircuits}");

            // A second tab is a second circuit.
            var second = await context.NewPageAsync();
            await second.GotoAsync(page.Url);
            await OverviewJourneyTests.WaitUntilInteractiveAsync(second);
            await WaitForAsync(() => metrics.ConnectedCircuits == 2 && metrics.ActiveCircuits == 2,
                () => $"connected {metrics.ConnectedCircuits}, active {metrics.ActiveCircuits}");

            await second.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        }
        finally
        {
            await context.DisposeAsync();
        }

        // Closed tabs leave: at once when the browser's goodbye arrives, else when the retention (6 s here) ends.
        await WaitForAsync(() => metrics.ConnectedCircuits == 0 && metrics.ActiveCircuits == 0,
            () => $"connected {metrics.ConnectedCircuits}, active {metrics.ActiveCircuits}");
    }

    private static async Task WaitForAsync(Func<bool> condition, Func<string> state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The circuit gauges did not get there: " + state());
            }
            await Task.Delay(100);
        }
    }
}
