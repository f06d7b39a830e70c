using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SalesSpec.Bench.Scaling;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.E2E;

/// <summary>
/// A live workshop in the room: the consultant's projector is served by one app instance, three phones answer through
/// another, both on one PostgreSQL, so only PostgreSQL's LISTEN/NOTIFY can carry the answers to the projector.
/// </summary>
[Collection(SalesSpec.E2E.Scaling.SeveralInstances.Name)]
public sealed class WorkshopJourneyTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly (string Name, decimal Inbound)[] Room = [("Ana Ruiz", 30m), ("Ben Carter", 25m), ("Grace Hall", 20m)];

    [Fact]
    public async Task Three_phones_on_one_instance_answer_and_the_projector_on_another_shows_the_inbound_break_out()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var database = await PostgresServer.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("salesspec-workshop-").FullName;
        Dictionary<string, string> Settings(string name) => new()
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:SalesSpec"] = database,
            ["Demo:Enabled"] = "true",
            ["Logs:Directory"] = Path.Combine(folder, name),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        var starting = new[] { AppProcess.StartAsync("projector", Settings("projector"), cancellation), AppProcess.StartAsync("phones", Settings("phones"), cancellation) };
        try
        {
            var instances = await Task.WhenAll(starting);
            await RunAsync(instances[0].Address, instances[1].Address);
        }
        finally
        {
            foreach (var instance in starting.Where(task => task.IsCompletedSuccessfully).Select(task => task.Result))
            {
                await instance.DisposeAsync();
            }
            await PostgresServer.DropDatabaseAsync(database);
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task RunAsync(Uri projectorInstance, Uri phoneInstance)
    {
        await using var projectorContext = await browser.NewContextAsync(projectorInstance);
        var projector = await projectorContext.NewPageAsync();
        await projector.SetViewportSizeAsync(1280, 720);
        await projector.GotoAsync("/Account/Login");
        await OverviewJourneyTests.SignInAndLeaveAsync(projector, "consultant@demo.salesspec");
        await projector.GotoAsync("/organizations/1/workshops");
        await OverviewJourneyTests.WaitUntilInteractiveAsync(projector);
        await Assertions.Expect(projector.Locator("[data-testid=workshops-empty]")).ToBeVisibleAsync();
        await projector.GetByLabel("Title").FillAsync("Northwind sales kick-off");
        await projector.Locator("[data-testid=new-workshop] input[type=checkbox]").UncheckAsync();
        await projector.Locator("[data-testid=create-workshop]").ClickAsync();
        await Browser.WaitForUrlAsync(projector, url => System.Text.RegularExpressions.Regex.IsMatch(url, "/workshops/\\d+$"));
        await OverviewJourneyTests.WaitUntilInteractiveAsync(projector);
        var code = (await projector.Locator("[data-testid=join-code]").InnerTextAsync()).Replace("-", "", StringComparison.Ordinal);
        code.Length.ShouldBe(8);
        await Assertions.Expect(projector.Locator("[data-testid=answer-count]")).ToHaveTextAsync("0");
        await projector.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "workshop-projector-waiting-1280x720.png") });
        await NoSeriousViolationsAsync(projector);
        await projector.Locator("[data-testid=reveal]").ClickAsync();
        await Assertions.Expect(projector.Locator("[data-testid=answers-empty]")).ToBeVisibleAsync();

        foreach (var (name, inbound) in Room)
        {
            await using var phoneContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = phoneInstance.ToString(),
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                IsMobile = true,
                HasTouch = true,
                ColorScheme = ColorScheme.Light,
            });
            phoneContext.SetDefaultTimeout(60_000);
            var phone = await phoneContext.NewPageAsync();
            await phone.GotoAsync($"/join/{code.ToLowerInvariant()}");
            await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Northwind sales kick-off");
            await phone.GetByLabel("Your name").FillAsync(name);
            await phone.GetByLabel("Your work email (optional)").FillAsync($"{name.Replace(' ', '.').ToLowerInvariant()}@northwind.test");
            await phone.GetByLabel("Your role").SelectOptionAsync(new SelectOptionValue { Label = "Account Executive" });
            await phone.GetByLabel("Qualify inbound leads").FillAsync(inbound.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await phone.GetByLabel("Demos").FillAsync((90m - inbound).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(phone.Locator("[data-testid=join-total]")).ToHaveTextAsync("90");
            await phone.GetByLabel("CRM and admin").FillAsync("10");
            await Assertions.Expect(phone.Locator("[data-testid=join-total]")).ToHaveTextAsync("100");
            if (name == Room[0].Name)
            {
                await phone.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "workshop-phone-answer-390x844.png"), FullPage = true });
                await NoSeriousViolationsAsync(phone);
            }
            await phone.Locator("[data-testid=join-submit]").ClickAsync();
            await Assertions.Expect(phone.Locator("[data-testid=join-saved]")).ToBeVisibleAsync();
            if (name == Room[0].Name)
            {
                await phone.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "workshop-phone-saved-390x844.png") });
            }
        }

        // Only LISTEN/NOTIFY reaches the projector's instance; the test waits on the state, the latency is bench/'s.
        await Assertions.Expect(projector.Locator("[data-testid=answer-count]")).ToHaveTextAsync("3", new() { Timeout = 30_000 });
        await Assertions.Expect(projector.Locator("[data-testid=answer-label]")).ToHaveTextAsync(Room.Select(r => r.Name).ToArray());
        var breakOut = projector.Locator("[data-testid=recommendation][data-kind=SplitOutRole]").Filter(new() { HasText = "nbound" });
        await Assertions.Expect(breakOut).ToHaveCountAsync(1);
        // The published figures sit beside the room's own, with their sources: three answers, none of them an SDR.
        await Assertions.Expect(projector.Locator("[data-testid=reference-figure][data-key=sdr-ae] [data-testid=reference-source]")).ToContainTextAsync("TOPO");
        await Assertions.Expect(breakOut.Locator("[data-testid=reference-first-hour]")).ToContainTextAsync("within the hour");
        await projector.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "workshop-projector-revealed-1280x720.png") });
        await projector.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "workshop-projector-revealed-full.png"), FullPage = true });
        await NoSeriousViolationsAsync(projector);

        // After the workshop: the named answers become last week's time logs of the reps they name (matched by email).
        await projector.Locator("[data-testid=check-save]").ClickAsync();
        await Assertions.Expect(projector.Locator("[data-testid=save-preview]")).ToContainTextAsync("3 reps' weeks");
        await Assertions.Expect(projector.Locator("[data-testid=save-line]")).ToHaveCountAsync(3);
        await projector.Locator("[data-testid=save-as-week]").ClickAsync();
        await Assertions.Expect(projector.Locator("[data-testid=save-done]")).ToContainTextAsync("3 reps' weeks");
        await projector.Locator("[data-testid=save-answers]").ScrollIntoViewIfNeededAsync();
        await projector.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "workshop-saved-1280x720.png") });
        await NoSeriousViolationsAsync(projector);
        var dashboard = await projector.Locator("[data-testid=saved-dashboard-link]").GetAttributeAsync("href");

        // A scenario starts on that week, focused on the workload the answers recommend breaking out.
        await projector.Locator("[data-testid=start-scenario]").ClickAsync();
        await projector.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/organizations/1/scenarios/[0-9]+$"));
        await Assertions.Expect(projector.Locator("h1")).ToContainTextAsync("Northwind sales kick-off");

        // The dashboard of that week shows Ana's answer as her week: 30 % inbound outside her closing job, 60 % closing.
        await projector.GotoAsync($"{dashboard}&rep=ana.ruiz%40northwind.test#rep-details");
        var details = projector.Locator("[data-testid=rep-drilldown]");
        await Assertions.Expect(details).ToContainTextAsync("60 %core job");
        await Assertions.Expect(details).ToContainTextAsync("30 %selling outside core");
        await Assertions.Expect(details.Locator("[data-testid=drilldown-weeks]")).ToHaveTextAsync("1 / 1");
    }

    private static async Task NoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}")
            .ShouldBeEmpty();
    }
}
