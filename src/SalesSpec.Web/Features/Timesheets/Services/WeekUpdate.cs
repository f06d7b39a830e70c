namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>
/// The body of <c>PUT /api/v1/me/weeks/{week}</c>: the whole week (activities left out have no hours),
/// and the <see cref="Version"/> last read — null for a week never saved.
/// </summary>
public sealed record WeekUpdate(int? Version, EntryMode? Mode, IReadOnlyList<WeekUpdateEntry>? Entries);
