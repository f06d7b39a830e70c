using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesSpec.Domain.Common;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Notifications;
using SalesSpec.Web.Features.Timesheets.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Timesheets;

/// <summary>Reminders go out by email too when SMTP is configured — and a broken mail server loses no reminder.</summary>
public sealed class ReminderEmailTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);
    private static readonly IsoWeek LastWeek = IsoWeek.Of(2026, 47);

    private static TeamWeekService Service(TestDatabase database, SmtpOptions smtp) =>
        new(database.Access, new WeekService(database.Access, new WeekEntryValidator(), Clock),
            new EmailSender(Options.Create(smtp)), Clock, NullLogger<TeamWeekService>.Instance);

    [Fact]
    public async Task With_smtp_configured_each_reminded_rep_gets_an_email_with_a_link_to_the_week()
    {
        await using var smtp = new FakeSmtpServer();
        await using var database = await TestDatabase.CreateAsync("Sqlite", demo: true, clock: Clock);
        var manager = await database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);
        var service = Service(database, new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = smtp.Port,
            EnableSsl = false,
            From = "SalesSpec <salesspec@northwind.test>",
            PublicBaseUrl = "https://salesspec.northwind.test",
        });

        var result = await service.RemindAsync(manager, LastWeek);

        (result.Done, result.Emailed).ShouldBe((2, 2));
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

        var result = await Service(database, new SmtpOptions { Host = "127.0.0.1", Port = closedPort, EnableSsl = false }).RemindAsync(manager, LastWeek);

        (result.Done, result.Emailed).ShouldBe((2, 0));
        var rep = await database.PrincipalAsync("rep@demo.salesspec");
        (await new NotificationService(database.Access, Clock).ForUserAsync(rep)).Unread.ShouldBe(1);
    }
}
