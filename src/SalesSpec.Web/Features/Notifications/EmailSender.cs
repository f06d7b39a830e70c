using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace SalesSpec.Web.Features.Notifications;

/// <summary>Sends plain-text mail through the configured SMTP server, if there is one.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options)
{
    private readonly SmtpOptions _options = options.Value;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.Host);

    public string AbsoluteLink(string path) =>
        string.IsNullOrWhiteSpace(_options.PublicBaseUrl) ? path : _options.PublicBaseUrl.TrimEnd('/') + path;

    public async Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException("No SMTP server is configured (Smtp:Host).");
        }
        using var client = new SmtpClient(_options.Host, _options.Port) { EnableSsl = _options.EnableSsl };
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
        }
        using var message = new MailMessage(new MailAddress(_options.From), new MailAddress(to)) { Subject = subject, Body = body };
        await client.SendMailAsync(message, cancellationToken);
    }
}
