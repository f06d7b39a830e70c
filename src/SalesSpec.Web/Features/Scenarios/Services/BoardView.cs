using SalesSpec.Domain.Scenarios;

namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>
/// Picks the cards the board draws. A browser cannot hold thousands of draggable cards, so each column draws
/// at most <see cref="PerColumn"/>, the analyzer's candidates and the reps already moved first; search and the
/// team filter reach everyone else. The scenario's numbers always cover every rep, drawn or not.
/// </summary>
public static class BoardView
{
    public const int PerColumn = 60;

    /// <summary>A card for every rep, in the column of their scenario role; candidates first, then by name.</summary>
    /// <param name="roles">Rep email → proposed role, for reps whose role would change.</param>
    /// <param name="candidates">Rep email → workloads whose recommendation names them.</param>
    public static List<BoardCard> Cards(
        ScenarioBaseline baseline,
        IReadOnlyDictionary<string, string> roles,
        IReadOnlyDictionary<string, List<Workload>> candidates,
        ScenarioOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(outcome);
        var people = outcome.People.ToDictionary(p => p.Key, StringComparer.OrdinalIgnoreCase);
        return baseline.Reps
            .Select(r => new BoardCard(r.Email, r.Name, r.Team, r.CurrentRole,
                roles.GetValueOrDefault(r.Email) ?? r.CurrentRole,
                candidates.GetValueOrDefault(r.Email) ?? [],
                people.GetValueOrDefault(r.Email)))
            // Candidates first, so the recommendation's people lead each column.
            .OrderBy(c => c.CandidateFor.Count > 0 ? 0 : 1).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public static BoardSelection Select(IEnumerable<BoardCard> cards, string? search, string? team, int perColumn = PerColumn)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var text = search?.Trim() ?? "";
        var matching = cards
            .Where(c => string.IsNullOrEmpty(team) || string.Equals(c.Team, team, StringComparison.OrdinalIgnoreCase))
            .Where(c => text.Length == 0
                || c.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || c.Email.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (c.Team?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
            .ToList();
        var columns = matching.GroupBy(c => c.Role, StringComparer.OrdinalIgnoreCase).ToList();
        // OrderBy is stable: within each group the cards keep the order they came in.
        var shown = columns
            .SelectMany(g => g.OrderBy(c => c.CandidateFor.Count > 0 || c.Moved ? 0 : 1).Take(perColumn))
            .ToList();
        return new BoardSelection(shown, columns.ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase));
    }
}
