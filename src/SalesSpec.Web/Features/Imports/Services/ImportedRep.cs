namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>A rep the import would create.</summary>
public sealed record ImportedRep(string Email, string Name, string? Team, string Role);
