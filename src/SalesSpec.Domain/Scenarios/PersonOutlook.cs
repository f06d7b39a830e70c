using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Scenarios;

/// <summary>One person under a scenario: a rep in their proposed role, or one of the hires; and how their week would look.</summary>
public sealed record PersonOutlook(
    string Key,
    string Name,
    string Role,
    string? CurrentRole,
    bool IsHire,
    Focus Focus,
    decimal NonCoreShare,
    IReadOnlyDictionary<SalesFunction, decimal> WeeklyHours);
