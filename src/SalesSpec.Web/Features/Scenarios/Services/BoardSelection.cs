namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>The cards the board draws, and how many cards match in each role column (to say what is left out).</summary>
public sealed record BoardSelection(IReadOnlyList<BoardCard> Shown, IReadOnlyDictionary<string, int> Matching)
{
    /// <summary>Cards of the role that match the search but are not drawn.</summary>
    public int Hidden(string role) =>
        Matching.GetValueOrDefault(role) - Shown.Count(c => string.Equals(c.Role, role, StringComparison.OrdinalIgnoreCase));
}
