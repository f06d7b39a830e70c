namespace SalesSpec.Web.Features.People.Services;

/// <summary>A person as the people grid and the API show them, with the version to send back with a change.</summary>
public sealed record RepDocument(
    int Id,
    string Name,
    string Email,
    int? TeamId,
    string? Team,
    int RoleId,
    string Role,
    decimal Fte,
    bool Active,
    int Version);
