using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Notifications.Services;

namespace SalesSpec.Web.Tests.Support;

/// <summary>The app's mail outbox and its sender, wired on a test database and a fake SMTP server (or none).</summary>
public static class OutboxWorker
{
    public static SmtpOptions Smtp(FakeSmtpServer? server) =>
        server is null ? new SmtpOptions() : new SmtpOptions { Host = "127.0.0.1", Port = server.Port, EnableSsl = false };

    public static MailOutbox Outbox(SmtpOptions smtp, TimeProvider clock) => new(new EmailSender(Options.Create(smtp)), clock);

    public static MailOutboxService Service(
        TestDatabase database, MailOutbox outbox, SmtpOptions smtp, TimeProvider clock, string instance = "test", MailOutboxOptions? options = null)
    {
        var settings = options ?? new MailOutboxOptions();
        settings.InstanceName = instance;
        return new MailOutboxService(database.Factory, new EmailSender(Options.Create(smtp)), outbox, Options.Create(settings), clock,
            NullLogger<MailOutboxService>.Instance);
    }
}
