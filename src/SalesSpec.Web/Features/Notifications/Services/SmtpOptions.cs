namespace SalesSpec.Web.Features.Notifications.Services;

/// <summary>Outgoing mail. With no host configured SalesSpec sends no email and keeps to in-app notifications.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Encrypt the connection: implicit TLS on port 465, required STARTTLS on any other port.</summary>
    public bool EnableSsl { get; set; } = true;

    /// <summary>
    /// MailKit's choice, overriding <see cref="EnableSsl"/> when set: None, Auto, SslOnConnect, StartTls or
    /// StartTlsWhenAvailable (opportunistic: upgrades if the server offers STARTTLS, plain text otherwise).
    /// </summary>
    public MailKit.Security.SecureSocketOptions? Security { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "SalesSpec <no-reply@salesspec.local>";

    /// <summary>The app's public address, for links in emails (e.g. https://salesspec.example.com).</summary>
    public string? PublicBaseUrl { get; set; }
}
