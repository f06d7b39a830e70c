using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Analysis;

/// <summary>A rep as the analyzer sees it. The email is the key (unique within the organisation, lower-case).</summary>
public sealed record AnalysisRep(
    string Email,
    string Name,
    string? Team,
    string Role,
    Workload CoreWorkload,
    bool IsActive = true,
    bool IsAnalysed = true);
