using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Notifications.Components;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Notifications;

/// <summary>
/// The bell on a real SQLite database: opening a notification marks it read before leaving, and in a static page's
/// bar (an island of its own) it leaves by a full page load, so the mark is not cut off by the page going away.
/// </summary>
public sealed class NotificationBellTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_database.Factory);
        _context.Services.AddSingleton<TimeProvider>(Clock);
        _context.Services.AddSingleton<OrganizationAccess>();
        _context.Services.AddSingleton<NotificationService>();
        await _context.SignInAsync(_database, "rep@demo.salesspec");
        var rep = await _database.MemberOfAsync("rep@demo.salesspec", DemoOrganization.Name);
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        db.Notifications.Add(new Notification
        {
            Kind = NotificationKind.Reminder,
            OrganizationId = rep.OrganizationId,
            RepId = rep.RepId!.Value,
            Message = "Mia Manager reminds you to submit your week 2026-W47.",
            Link = $"/organizations/{rep.OrganizationId}/my-week/2026-W47",
            CreatedAt = Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_then_goes_to_its_page()
    {
        var popovers = _context.Render<MudPopoverProvider>();
        var bell = _context.Render<NotificationBell>();
        await bell.WaitForAssertionAsync(() => bell.Find("[data-testid=notifications] button").GetAttribute("aria-label").ShouldBe("Notifications, 1 unread"));

        await bell.Find("[data-testid=notifications] button").ClickAsync(new());
        await popovers.WaitForAssertionAsync(() => popovers.FindAll("[data-testid=notification]").Count.ShouldBe(1));
        await popovers.Find("[data-testid=notification]").ClickAsync(new());

        var navigation = _context.Services.GetRequiredService<BunitNavigationManager>();
        await bell.WaitForAssertionAsync(() => navigation.History.Count.ShouldBe(1));
        var entry = navigation.History.Single();
        entry.Uri.ShouldEndWith("/my-week/2026-W47");
        await using var db = await _database.OpenAsync(DemoOrganization.Name);
        (await db.Notifications.SingleAsync()).ReadAt.ShouldBe(Clock.GetUtcNow());
    }
}
