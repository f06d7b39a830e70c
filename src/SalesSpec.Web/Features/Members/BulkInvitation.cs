namespace SalesSpec.Web.Features.Members;

/// <summary>One link of a bulk invitation: shown once to copy, and emailed when SMTP is configured (or why that failed).</summary>
public sealed record BulkInvitation(string Name, string Email, string Link, bool Emailed, string? EmailError = null);
