namespace SalesSpec.Web.Features.Members.Services;

/// <summary>
/// One link of a bulk invitation: shown once to copy, and queued to be emailed when SMTP is configured (the open
/// invitations then show whether it was sent).
/// </summary>
public sealed record BulkInvitation(string Name, string Email, string Link, bool EmailQueued);
