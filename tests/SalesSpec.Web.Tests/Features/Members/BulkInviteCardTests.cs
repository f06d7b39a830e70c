using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Members;
using SalesSpec.Web.Features.Members.Components;
using SalesSpec.Web.Features.Members.Services;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Members;

/// <summary>
/// The bulk invite card and the Members page with SMTP configured: each link is shown and its email queued; the open
/// invitations then say, in words, which email was sent and which the server refused (tried again, then failed, with
/// the reason).
/// </summary>
public sealed class BulkInviteCardTests : IAsyncLifetime
{
    private readonly SteppingClock _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;
    private FakeSmtpServer _smtp = null!;
    private SmtpOptions _settings = null!;
    private MemberAccess _admin = null!;
    private IReadOnlyList<InvitableRep> _invitable = [];

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: _clock);
        _admin = await _database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        _invitable = await new MembersService(_database.Access, _database.Factory, new InviteFormValidator(), new RoleAssignmentValidator(),
                OutboxWorker.Outbox(new SmtpOptions(), _clock), _clock)
            .InvitableRepsAsync(_admin);
        _smtp = new FakeSmtpServer(refuse: _invitable[1].Email);
        _settings = OutboxWorker.Smtp(_smtp);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(_database.Factory);
        _context.Services.AddSingleton<TimeProvider>(_clock);
        _context.Services.AddSingleton<OrganizationAccess>();
        _context.Services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        _context.Services.AddSingleton<OrganizationOverviewLookup>();
        _context.Services.AddSingleton<FluentValidation.IValidator<InviteForm>, InviteFormValidator>();
        _context.Services.AddSingleton<FluentValidation.IValidator<RoleAssignment>, RoleAssignmentValidator>();
        _context.Services.AddSingleton(OutboxWorker.Outbox(_settings, _clock));
        _context.Services.AddSingleton(new MembersService(_database.Access, _database.Factory, new InviteFormValidator(), new RoleAssignmentValidator(),
            OutboxWorker.Outbox(_settings, _clock), _clock));
        await _context.SignInAsync(_database, "admin@demo.salesspec");
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Each_link_is_shown_its_email_queued_and_the_open_invitations_say_which_was_sent_and_which_failed_and_why()
    {
        _context.Render<MudPopoverProvider>();
        var card = _context.Render<BulkInviteCard>(p => p.Add(x => x.Admin, _admin).Add(x => x.Emails, true));
        await card.WaitForAssertionAsync(() => card.FindAll("[data-testid=invitable-reps] tbody tr").Count.ShouldBe(_invitable.Count));

        foreach (var row in card.FindAll("[data-testid=invitable-reps] tbody tr").Take(2))
        {
            row.QuerySelector("input[type=checkbox]")!.Change(true);
        }
        await card.WaitForAssertionAsync(() => card.Find("[data-testid=bulk-invite-send]").TextContent.ShouldContain("Invite 2 selected"));
        await card.Find("[data-testid=bulk-invite-send]").ClickAsync(new());

        await card.WaitForAssertionAsync(() => card.FindAll("[data-testid=bulk-invite-table] tbody tr").Count.ShouldBe(2), TimeSpan.FromSeconds(10));
        var rows = card.FindAll("[data-testid=bulk-invite-table] tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        rows.Select(r => r[1]).ShouldBe([_invitable[0].Email, _invitable[1].Email]);
        rows.ShouldAllBe(r => r[3] == "queued" && r[2].Contains("invitation/", StringComparison.Ordinal));
        card.Find("[data-testid=bulk-invite-queued]").TextContent.ShouldContain("queued and go out in the background");
        // The click only queued: the mail server has not been spoken to.
        _smtp.Connections.ShouldBe(0);

        // The sender runs; the page shows what became of each email.
        var sender = OutboxWorker.Service(_database, OutboxWorker.Outbox(_settings, _clock), _settings, _clock);
        (await sender.SendDueAsync()).ShouldBe(1);
        var page = _context.Render<MembersPage>(p => p.Add(x => x.OrganizationId, _admin.OrganizationId));
        await page.WaitForAssertionAsync(() => EmailStatus(page).Count.ShouldBe(2));
        EmailStatus(page)[_invitable[0].Email].ShouldBe("sent 2026-11-23 12:00 UTC");
        EmailStatus(page)[_invitable[1].Email].ShouldStartWith("queued, trying again (attempt 1 failed: ");
        page.Find("[data-testid=invitation-email-summary]").TextContent.ShouldBe("Invitation emails: 1 queued, 1 sent.");
        page.Find("[data-testid=invitation-email-summary]").GetAttribute("aria-live").ShouldBe("polite");

        // Four more tries, each after its wait, and the refused one is given up; Refresh (a button) reads it at once.
        foreach (var minutes in new[] { 1, 2, 4, 8 })
        {
            _clock.Advance(TimeSpan.FromMinutes(minutes));
            (await sender.SendDueAsync()).ShouldBe(0);
        }
        await page.Find("[data-testid=refresh-invitations]").ClickAsync(new());
        await page.WaitForAssertionAsync(() => EmailStatus(page)[_invitable[1].Email].ShouldStartWith("failed after 5 attempts: "));
        EmailStatus(page)[_invitable[1].Email].ShouldContain("No such mailbox");
        page.Find("[data-testid=invitation-email-summary]").TextContent.ShouldBe("Invitation emails: 1 sent, 1 failed.");
        _smtp.Messages.Select(m => m.To).ShouldBe([_invitable[0].Email]);
    }

    private static Dictionary<string, string> EmailStatus(IRenderedComponent<MembersPage> page) =>
        page.FindAll("[data-testid=invitations] tbody tr").ToDictionary(
            r => r.QuerySelector("td")!.TextContent.Trim(),
            r => r.QuerySelector("[data-testid=invitation-email]")!.TextContent.Trim());
}
