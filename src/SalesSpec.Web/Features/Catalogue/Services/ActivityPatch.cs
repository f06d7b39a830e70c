namespace SalesSpec.Web.Features.Catalogue.Services;

/// <summary>
/// A change of one activity: the version read, and only what changes. A <see cref="Function"/> with
/// <see cref="FromWeek"/> archives the activity and starts a successor (named <see cref="SuccessorName"/>, or
/// "&lt;name&gt; (from 2026-W49)") that takes the hours from that week on; without it, every week is re-counted.
/// </summary>
public sealed record ActivityPatch(
    int? Version,
    string? Name = null,
    int? SortOrder = null,
    bool? Archived = null,
    SalesFunction? Function = null,
    string? FromWeek = null,
    string? SuccessorName = null)
{
    public bool StartsSuccessor => Function is not null && !string.IsNullOrWhiteSpace(FromWeek);
}
