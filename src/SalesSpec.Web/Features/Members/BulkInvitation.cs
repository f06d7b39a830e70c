namespace SalesSpec.Web.Features.Members;

/// <summary>One link of a bulk invitation: shown once to copy, and emailed when SMTP is configured.</summary>
public sealed record BulkInvitation(string Name, string Email, string Link, bool Emailed);
