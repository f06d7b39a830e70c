using Microsoft.EntityFrameworkCore;
using SalesSpec.Domain.Common;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Timesheets;

/// <summary>
/// Reminders are queued as emails too when SMTP is configured, with the in-app reminder, and sent afterwards by the
/// outbox's sender — and a broken mail server loses no reminder.
/// </summary>
public sealed class ReminderEmailTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private static readonly IsoWeek LastWeek = IsoWeek.Of(2026, 47);

    private static TeamWeekService Service(TestDatabase database, SmtpOptions smtp) =>
        new(database.Access, new WeekService(database.Access, new WeekEntryValidator(), Clock), OutboxWorker.Outbox(smtp, Clock), Clock);

    private static MailOutboxService Sender(TestDatabase database, SmtpOptions smtp) =>
        OutboxWorker.Service(database, OutboxWorker.Outbox(smtp, Clock), smtp, Clock);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task With_smtp_configured_each_reminded_rep_gets_an_email_with_a_link_to_the_week(string provider)
    {
        await using var smtp = new FakeSmtpServer();
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var manager = await database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);
        var settings = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = smtp.Port,
            EnableSsl = false,
            From = "SalesSpec <salesspec@northwind.test>",
            PublicBaseUrl = "https://salesspec.northwind.test",
        };

        var result = await Service(database, settings).RemindAsync(manager, LastWeek);

        // Queued with the in-app reminders, in the same save; nothing went to the mail server during the request.
        (result.Done, result.EmailsQueued).ShouldBe((2, 2));
        smtp.Connections.ShouldBe(0);
        await using (var db = await database.OpenAsync(DemoOrganization.Name))
        {
            var queued = await db.OutboxEmails.AsNoTracking().ToListAsync();
            var reminded = await db.Notifications.Where(n => n.Kind == NotificationKind.Reminder).Select(n => n.RepId).ToListAsync();
            queued.Select(e => e.RepId!.Value).Order().ShouldBe(reminded.Order());
            queued.ShouldAllBe(e => e.Kind == OutboxEmailKind.Reminder && e.Status == OutboxEmailStatus.Queued);
        }

        (await Sender(database, settings).SendDueAsync()).ShouldBe(2);

        smtp.Messages.Select(m => m.To).ShouldBe(["noah.okafor@northwind.test", DemoAccounts.RepEmail], ignoreOrder: true);
        smtp.Connections.ShouldBe(1);
        var olivia = smtp.Messages.Single(m => m.To == DemoAccounts.RepEmail).Message;
        olivia.Subject.ShouldBe("Please submit your week 2026-W47");
        olivia.From.Mailboxes.Single().Address.ShouldBe("salesspec@northwind.test");
        olivia.TextBody!.ShouldContain($"https://salesspec.northwind.test/organizations/{manager.OrganizationId}/my-week/2026-W47");
    }

    [Fact]
    public async Task A_mail_server_that_is_down_does_not_undo_the_in_app_reminder()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        var manager = await database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var settings = new SmtpOptions { Host = "127.0.0.1", Port = closedPort, EnableSsl = false };

        var result = await Service(database, settings).RemindAsync(manager, LastWeek);
        (await Sender(database, settings).SendDueAsync()).ShouldBe(0);

        (result.Done, result.EmailsQueued).ShouldBe((2, 2));
        var rep = await database.PrincipalAsync("rep@demo.salesspec");
        (await new NotificationService(database.Access, Clock).ForUserAsync(rep)).Unread.ShouldBe(1);
        // The emails wait for the next try, with the reason, rather than being lost.
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        var queued = await db.OutboxEmails.AsNoTracking().ToListAsync();
        queued.Count.ShouldBe(2);
        queued.ShouldAllBe(e => e.Status == OutboxEmailStatus.Queued && e.Attempts == 1 && e.LastError != null && e.Body != ""
            && e.DueAt == Clock.GetUtcNow().UtcDateTime.AddMinutes(1));
    }
}
