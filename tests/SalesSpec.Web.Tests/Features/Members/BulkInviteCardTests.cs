using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Members;
using SalesSpec.Web.Features.Notifications;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Members;

/// <summary>The bulk invite card with SMTP configured: each link is shown, and an email the server refused is marked with its reason.</summary>
public sealed class BulkInviteCardTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private readonly BunitContext _context = new();
    private TestDatabase _database = null!;
    private FakeSmtpServer _smtp = null!;
    private MemberAccess _admin = null!;
    private IReadOnlyList<InvitableRep> _invitable = [];

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        _admin = await _database.MemberOfAsync("admin@demo.salesspec", DemoOrganization.Name);
        var email = new EmailSender(Options.Create(new SmtpOptions()));
        _invitable = await new MembersService(_database.Access, _database.Factory, new InviteFormValidator(), new RoleAssignmentValidator(), email, Clock)
            .InvitableRepsAsync(_admin);
        _smtp = new FakeSmtpServer(refuse: _invitable[1].Email);
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(new MembersService(_database.Access, _database.Factory, new InviteFormValidator(), new RoleAssignmentValidator(),
            new EmailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, EnableSsl = false })), Clock));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_refused_email_is_marked_failed_and_its_link_is_still_shown()
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
        rows[0][3].ShouldBe("yes");
        rows[1][3].ShouldStartWith("failed: ");
        rows[1][3].ShouldContain("No such mailbox");
        rows.ShouldAllBe(r => r[2].Contains("invitation/", StringComparison.Ordinal));
        card.Find("[data-testid=bulk-invite-email-failed]").TextContent.ShouldContain("1 email could not be sent");
        _smtp.Messages.Select(m => m.To).ShouldBe([_invitable[0].Email]);
    }
}
