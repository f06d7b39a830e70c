namespace SalesSpec.Web.Features.Organizations.Services;

public sealed record RepRow(
    int Id,
    string Name,
    string Email,
    string? Team,
    string Role,
    Workload CoreWorkload,
    bool IsAnalysed,
    bool IsActive,
    decimal Fte,
    decimal Hours,
    int WeeksLogged);
