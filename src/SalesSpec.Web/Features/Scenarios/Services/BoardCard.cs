using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>A rep on the board: in the column of their proposed role, with how their week would look there.</summary>
/// <param name="CandidateFor">Workloads whose recommendation names this rep as a candidate.</param>
public sealed record BoardCard(
    string Email,
    string Name,
    string? Team,
    string CurrentRole,
    string Role,
    IReadOnlyList<Workload> CandidateFor,
    PersonOutlook? Outlook)
{
    public bool Moved => !string.Equals(Role, CurrentRole, StringComparison.OrdinalIgnoreCase);
}
