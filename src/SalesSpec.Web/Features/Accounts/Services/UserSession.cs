namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>
/// One browser sign-in. Its id travels in the auth cookie; the cookie counts only while this row has not ended,
/// so signing out (here or everywhere) ends it on the server, not just in one browser.
/// </summary>
public sealed class UserSession
{
    public const int MaxUserAgentLength = 200;

    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The browser's User-Agent, cut to <see cref="MaxUserAgentLength"/> characters.</summary>
    public string UserAgent { get; set; } = "";

    public DateTimeOffset? EndedAt { get; set; }
}
