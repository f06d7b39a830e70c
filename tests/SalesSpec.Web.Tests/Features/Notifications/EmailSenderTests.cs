using MailKit.Security;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Notifications.Services;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Notifications;

/// <summary>MailKit against a real SMTP server on 127.0.0.1: one connection per batch, one refusal loses no other message.</summary>
public sealed class EmailSenderTests
{
    private static EmailSender Sender(int port, string from = "SalesSpec <salesspec@northwind.test>") =>
        new(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, EnableSsl = false, From = from }));

    private static OutgoingEmail Invite(string to) =>
        new(to, "Join Northwind on SalesSpec", $"Hello,\n\nopen https://app.test/invitation/{to.Split('@')[0]} to join.\n");

    [Fact]
    public async Task A_batch_goes_over_one_connection_with_each_recipient_subject_and_body()
    {
        await using var smtp = new FakeSmtpServer();

        var deliveries = await Sender(smtp.Port).SendAllAsync([Invite("ana.ruiz@northwind.test"), Invite("ben.cole@northwind.test"), Invite("zoe.young@northwind.test")]);

        deliveries.ShouldAllBe(d => d.Sent);
        smtp.Connections.ShouldBe(1);
        smtp.Messages.Select(m => m.To).ShouldBe(["ana.ruiz@northwind.test", "ben.cole@northwind.test", "zoe.young@northwind.test"]);
        var ben = smtp.Messages[1];
        ben.From.ShouldBe("salesspec@northwind.test");
        ben.Message.Subject.ShouldBe("Join Northwind on SalesSpec");
        ben.Message.To.Mailboxes.Single().Address.ShouldBe("ben.cole@northwind.test");
        ben.Message.From.Mailboxes.Single().Name.ShouldBe("SalesSpec");
        ben.Message.TextBody!.ShouldContain("https://app.test/invitation/ben.cole");
    }

    [Fact]
    public async Task A_refused_recipient_fails_alone_and_the_others_still_arrive()
    {
        await using var smtp = new FakeSmtpServer(refuse: "gone@northwind.test");

        var deliveries = await Sender(smtp.Port).SendAllAsync([Invite("ana.ruiz@northwind.test"), Invite("gone@northwind.test"), Invite("ben.cole@northwind.test")]);

        deliveries.Select(d => d.Sent).ShouldBe([true, false, true]);
        deliveries[1].Error!.ShouldContain("No such mailbox");
        smtp.Messages.Select(m => m.To).ShouldBe(["ana.ruiz@northwind.test", "ben.cole@northwind.test"]);
        smtp.Connections.ShouldBe(1);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_fails_every_message_without_throwing()
    {
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var deliveries = await Sender(closedPort).SendAllAsync([Invite("ana.ruiz@northwind.test"), Invite("ben.cole@northwind.test")]);

        deliveries.Count.ShouldBe(2);
        deliveries.ShouldAllBe(d => !d.Sent && d.Error != null);
    }

    [Fact]
    public async Task An_unusable_from_address_fails_the_messages_instead_of_throwing()
    {
        await using var smtp = new FakeSmtpServer();

        var deliveries = await Sender(smtp.Port, from: "not an address <").SendAllAsync([Invite("ana.ruiz@northwind.test")]);

        deliveries.Single().Sent.ShouldBeFalse();
        smtp.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_host_nothing_is_configured_and_nothing_can_be_sent()
    {
        var sender = new EmailSender(Options.Create(new SmtpOptions()));

        sender.IsConfigured.ShouldBeFalse();
        await Should.ThrowAsync<InvalidOperationException>(() => sender.SendAllAsync([Invite("ana.ruiz@northwind.test")]));
    }

    [Theory]
    [InlineData(true, 587, null, SecureSocketOptions.StartTls)]
    [InlineData(true, 25, null, SecureSocketOptions.StartTls)]
    [InlineData(true, 465, null, SecureSocketOptions.SslOnConnect)]
    [InlineData(false, 587, null, SecureSocketOptions.None)]
    [InlineData(false, 465, null, SecureSocketOptions.None)]
    [InlineData(true, 587, SecureSocketOptions.StartTlsWhenAvailable, SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData(false, 2465, SecureSocketOptions.SslOnConnect, SecureSocketOptions.SslOnConnect)]
    public void Tls_follows_the_port_unless_security_is_set(bool enableSsl, int port, SecureSocketOptions? security, SecureSocketOptions expected) =>
        new EmailSender(Options.Create(new SmtpOptions { Host = "mail.test", Port = port, EnableSsl = enableSsl, Security = security }))
            .Security.ShouldBe(expected);
}
