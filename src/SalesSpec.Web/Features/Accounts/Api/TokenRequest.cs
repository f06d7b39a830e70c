namespace SalesSpec.Web.Features.Accounts.Api;

/// <summary>Body of <c>POST /api/v1/auth/token</c>.</summary>
public sealed record TokenRequest(string? Email, string? Password, string? Name = null, int? Days = null);
