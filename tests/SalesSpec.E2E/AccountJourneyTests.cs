using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.E2E;

/// <summary>
/// A person signed in on a laptop and a phone opens their account page, sees both sessions, changes their password
/// (which signs the phone out) and then signs out everywhere. A fresh account of its own, so the demo accounts the
/// other journeys use keep their passwords and sessions.
/// </summary>
public sealed class AccountJourneyTests(AppServer app, Browser browser) : IClassFixture<AppServer>, IClassFixture<Browser>
{
    private const string Email = "sam.sessions@e2e.test";
    private const string FirstPassword = "Journey-1234!";
    private const string NewPassword = "Journey-5678#";

    private static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);

    /// <summary>No serious or critical accessibility violation on the page as it stands.</summary>
    internal static async Task CheckAccessibilityAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
        serious.ShouldBeEmpty(page.Url);
    }

    private async Task<IBrowserContext> NewDeviceAsync(int width, int height, bool mobile)
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    private async Task CreateAccountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await users.CreateAsync(new ApplicationUser { UserName = Email, Email = Email, DisplayName = "Sam Sessions" }, FirstPassword);
        result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task A_person_changes_their_password_and_signs_out_everywhere()
    {
        await CreateAccountAsync();
        await using var laptop = await NewDeviceAsync(1280, 720, mobile: false);
        await using var phone = await NewDeviceAsync(390, 844, mobile: true);
        var page = await laptop.NewPageAsync();
        var phonePage = await phone.NewPageAsync();
        foreach (var device in new[] { page, phonePage })
        {
            await device.GotoAsync("/Account/Login");
            await OverviewJourneyTests.SignInAndLeaveAsync(device, Email, FirstPassword);
        }

        // From the app bar to the account page, on the laptop.
        await page.GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
        var sessions = page.Locator("[data-testid=session-row]");
        await Assertions.Expect(sessions).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=this-session]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("account.png"), FullPage = true });
        await CheckAccessibilityAsync(page);

        await phonePage.GotoAsync("/Account/Manage");
        await Assertions.Expect(phonePage.Locator("[data-testid=session-row]")).ToHaveCountAsync(2);
        await phonePage.ScreenshotAsync(new() { Path = Shot("account-phone.png"), FullPage = true });
        await CheckAccessibilityAsync(phonePage);

        // A slip first: the messages say what is wrong, next to the fields.
        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(FirstPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Confirm the new password", new() { Exact = true }).FillAsync(NewPassword + "x");
        await page.GetByLabel("Confirm the new password", new() { Exact = true }).PressAsync("Enter");
        await Assertions.Expect(page.Locator(".field-error")).ToHaveTextAsync("The two new passwords differ.");
        await page.ScreenshotAsync(new() { Path = Shot("account-password-error.png"), FullPage = true });
        await CheckAccessibilityAsync(page);

        // Then the change itself, by keyboard: it keeps this session and ends the phone's.
        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(FirstPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Confirm the new password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Confirm the new password", new() { Exact = true }).PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=password-changed]")).ToBeVisibleAsync();
        await Assertions.Expect(sessions).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Shot("account-password-changed.png"), FullPage = true });
        await CheckAccessibilityAsync(page);
        await phonePage.GotoAsync("/Account/Manage");
        await Browser.WaitForUrlAsync(phonePage, "**/Account/Login**");

        // Sign out everywhere: this browser too.
        await page.Locator("[data-testid=sign-out-everywhere]").ClickAsync();
        await Browser.WaitForUrlAsync(page, "**/Account/Login");
        await page.GotoAsync("/Account/Manage");
        await Browser.WaitForUrlAsync(page, "**/Account/Login**");

        // The new password is the one that works.
        await OverviewJourneyTests.SignInAndLeaveAsync(page, Email, NewPassword);
    }
}
