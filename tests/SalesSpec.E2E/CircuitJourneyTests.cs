using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesSpec.Web.Features.Telemetry;

namespace SalesSpec.E2E;

/// <summary>The circuit gauges an operator watches, against what a real browser does on real Kestrel.</summary>
public sealed class CircuitJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
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

            await WaitForAsync(() => metrics.ConnectedCircuits == 1 && metrics.ActiveCircuits == 1,
                () => $"connected {metrics.ConnectedCircuits}, active {metrics.ActiveCircuits}");

            // A second tab is a second circuit.
            var second = await context.NewPageAsync();
            await second.GotoAsync(page.Url);
            await OverviewJourneyTests.WaitUntilInteractiveAsync(second);
            await WaitForAsync(() => metrics.ConnectedCircuits == 2 && metrics.ActiveCircuits == 2,
                () => $"connected {metrics.ConnectedCircuits}, active {metrics.ActiveCircuits}");

            await second.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            // The first tab is closed the same way, not torn down with the browser context: a context's
            // teardown can end the page before its goodbye reaches the server, and the server then keeps
            // the circuit for reconnection (connected 0, active 1) for minutes.
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        }
        finally
        {
            await context.DisposeAsync();
        }

        // Closed tabs leave: the browser tells the server on its way out, so nothing waits to be reconnected.
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
