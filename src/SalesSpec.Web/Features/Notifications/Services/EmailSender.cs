using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SalesSpec.Web.Features.Notifications.Services;

/// <summary>Sends plain-text mail through the configured SMTP server (MailKit), if there is one.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options)
{
    private readonly SmtpOptions _options = options.Value;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.Host);

    /// <summary>How the connection is secured: <see cref="SmtpOptions.Security"/> if set, else from EnableSsl and the port.</summary>
    public SecureSocketOptions Security => _options.Security ?? (_options.EnableSsl
        // 465 is implicit TLS ("submissions"); elsewhere TLS is required through STARTTLS, as System.Net.Mail did,
        // so a server (or a man in the middle) that drops STARTTLS never sees the password in the clear.
        ? _options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
        : SecureSocketOptions.None);

    public string AbsoluteLink(string path) =>
        string.IsNullOrWhiteSpace(_options.PublicBaseUrl) ? path : _options.PublicBaseUrl.TrimEnd('/') + path;

    /// <summary>
    /// Sends the messages over one connection, in order. A message the server refuses (or that cannot be built) fails
    /// alone and the others still go; if the connection cannot be opened, every message not yet sent fails with that
    /// reason. Never throws for mail problems: the caller reads each <see cref="EmailDelivery"/>.
    /// </summary>
    public async Task<IReadOnlyList<EmailDelivery>> SendAllAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emails);
        if (!IsConfigured)
        {
            throw new InvalidOperationException("No SMTP server is configured (Smtp:Host).");
        }
        var deliveries = new List<EmailDelivery>(emails.Count);
        if (emails.Count == 0)
        {
            return deliveries;
        }
        using var client = new SmtpClient();
        Exception? cannotConnect = null;
        foreach (var email in emails)
        {
            if (cannotConnect is not null)
            {
                deliveries.Add(new EmailDelivery(email, cannotConnect));
                continue;
            }
            try
            {
                if (!client.IsConnected)
                {
                    // A server that closed the connection after refusing one message gets one new connection.
                    await ConnectAsync(client, cancellationToken);
                }
            }
            catch (Exception e) when (IsMailFailure(e))
            {
                cannotConnect = e;
                deliveries.Add(new EmailDelivery(email, e));
                continue;
            }
            try
            {
                using var message = Message(email);
                await client.SendAsync(message, cancellationToken);
                deliveries.Add(new EmailDelivery(email, null));
            }
            catch (Exception e) when (IsMailFailure(e))
            {
                deliveries.Add(new EmailDelivery(email, e));
            }
        }
        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            catch (Exception e) when (IsMailFailure(e))
            {
                // Everything is handed over already; a failing QUIT changes nothing.
            }
        }
        return deliveries;
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(_options.Host!, _options.Port, Security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        }
    }

    private MimeMessage Message(OutgoingEmail email)
    {
        var message = new MimeMessage { Subject = email.Subject, Body = new TextPart("plain") { Text = email.Body } };
        message.From.Add(MailboxAddress.Parse(_options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        return message;
    }

    private static bool IsMailFailure(Exception e) =>
        e is CommandException or ProtocolException or AuthenticationException or SslHandshakeException
            or ParseException or IOException or System.Net.Sockets.SocketException or TimeoutException
            or InvalidOperationException or NotSupportedException;
}
