using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using SalesSpec.Web.Components.Account;
using SalesSpec.Web.Features.Accounts;
using SalesSpec.Web.Features.Accounts.Services;
using SalesSpec.Web.Setup;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Accounts;

/// <summary>The account page rendered by bUnit on a real SQLite database: the session list and the password form's messages.</summary>
public sealed class ManagePageTests : IAsyncLifetime
{
    private const string Leader = "leader@demo.salesspec";
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;
    private UserSessionService _sessions = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:SalesSpec"] = _database.ConnectionString,
        }).Build();
        // The app's own registrations on the test database, so the page meets real Identity stores.
        _context.Services.AddLogging();
        _context.Services.AddSingleton<TimeProvider>(Clock);
        _context.Services.AddSalesSpecDatabase(configuration, new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        _context.Services.AddSalesSpecIdentityStores();
        _context.Services.AddAuthentication();
        _context.Services.AddHttpContextAccessor();
        _context.Services.AddSingleton<UserSessionService>();
        _context.Services.AddSingleton(new SignInLimiter(100));
        _context.Services.AddSingleton<FluentValidation.IValidator<ChangePasswordForm>, ChangePasswordFormValidator>();
        _context.Services.AddScoped<IdentityRedirectManager>();
        _sessions = new UserSessionService(_database.Factory, Clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<IRenderedComponent<ManagePage>> RenderAsync(Guid session)
    {
        var userId = await _database.UserIdAsync(Leader);
        var authorization = _context.AddAuthorization();
        authorization.SetAuthorized(Leader);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId), new Claim(UserSessionService.ClaimType, session.ToString()));
        var page = _context.Render<ManagePage>();
        await page.WaitForElementAsync("[data-testid=sessions]");
        return page;
    }

    [Fact]
    public async Task The_page_lists_the_users_live_sessions_and_marks_this_one()
    {
        var userId = await _database.UserIdAsync(Leader);
        var laptop = await _sessions.StartAsync(userId, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36");
        await _sessions.StartAsync(userId, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1");
        var ended = await _sessions.StartAsync(userId, "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
        await _sessions.EndAsync(userId, ended);
        await _sessions.StartAsync(await _database.UserIdAsync("manager@demo.salesspec"), "Someone else's browser");

        var page = await RenderAsync(laptop);

        page.Find("h1").TextContent.ShouldBe("Your account");
        var rows = page.FindAll("[data-testid=session-row]");
        rows.Count.ShouldBe(2);
        var texts = rows.Select(r => r.TextContent).ToList();
        texts.ShouldContain(t => t.Contains("Chrome on Windows", StringComparison.Ordinal) && t.Contains("this browser", StringComparison.Ordinal));
        texts.ShouldContain(t => t.Contains("Safari on iPhone", StringComparison.Ordinal) && !t.Contains("this browser", StringComparison.Ordinal));
        texts.ShouldAllBe(t => t.Contains("2026-11-23 12:00 UTC"));
        page.Find("[data-testid=sign-out-everywhere]").TextContent.Trim().ShouldBe("Sign out everywhere");
        page.Find("form[action='Account/LogoutEverywhere']").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_password_form_says_what_is_wrong_with_each_field()
    {
        var page = await RenderAsync(await _sessions.StartAsync(await _database.UserIdAsync(Leader), "test"));

        page.Find("#new-password").Change("short");
        page.Find("#confirm-password").Change("other");
        page.Find("form[data-testid=change-password]").Submit();

        await page.WaitForAssertionAsync(() => page.FindAll(".field-error").Count.ShouldBe(3));
        var errors = page.FindAll(".field-error").Select(e => e.TextContent).ToList();
        errors.ShouldBe(["Enter your current password.", "Passwords have at least 8 characters.", "The two new passwords differ."]);
        page.Find("label[for=current-password]").TextContent.ShouldBe("Current password");
        page.Find("label[for=new-password]").TextContent.ShouldBe("New password");
        page.Find("label[for=confirm-password]").TextContent.ShouldBe("Confirm the new password");
    }

    [Fact]
    public async Task A_wrong_current_password_is_named_as_such()
    {
        var page = await RenderAsync(await _sessions.StartAsync(await _database.UserIdAsync(Leader), "test"));

        page.Find("#current-password").Change("Not-my-password-1!");
        page.Find("#new-password").Change("Fresh-Password-42!");
        page.Find("#confirm-password").Change("Fresh-Password-42!");
        page.Find("form[data-testid=change-password]").Submit();

        await page.WaitForAssertionAsync(() => page.Find(".field-error").TextContent.ShouldBe(ManagePage.WrongPasswordMessage));
        page.FindAll("[data-testid=password-changed]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Fresh-password", "Passwords have at least one digit.")]
    [InlineData("fresh-password-1", "Passwords have at least one upper-case letter.")]
    [InlineData("FreshPassword1", "Passwords have at least one symbol, such as ! or #.")]
    public void The_validator_states_the_password_rules(string password, string message)
    {
        var result = new ChangePasswordFormValidator().Validate(new ChangePasswordForm { CurrentPassword = "Old-1234!", NewPassword = password, ConfirmPassword = password });

        result.Errors.Select(e => e.ErrorMessage).ShouldBe([message]);
    }
}
