namespace SalesSpec.Web.Features.People.Services;

/// <summary>
/// Several people moved at once to a team, a role, or both. <see cref="Versions"/> holds the version each person was
/// read with (by id); the page always sends them, and any given is checked, so a move does not undo an edit made meanwhile.
/// <see cref="TeamFrom"/> is the week a team move takes effect (2026-W48); empty: this week.
/// </summary>
public sealed record RepMove(
    IReadOnlyList<int>? RepIds, int? TeamId = null, int? RoleId = null, IReadOnlyDictionary<int, int>? Versions = null, string? TeamFrom = null);
