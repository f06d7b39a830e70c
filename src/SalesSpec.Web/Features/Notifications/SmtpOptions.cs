namespace SalesSpec.Web.Features.Notifications;

/// <summary>Outgoing mail. With no host configured SalesSpec sends no email and keeps to in-app notifications.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "SalesSpec <no-reply@salesspec.local>";

    /// <summary>The app's public address, for links in emails (e.g. https://salesspec.example.com).</summary>
    public string? PublicBaseUrl { get; set; }
}
