namespace SalesSpec.Web.Features.Imports;

/// <summary>A rep the import would create.</summary>
public sealed record ImportedRep(string Email, string Name, string? Team, string Role);
