namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>A rep's week as the API returns it. <c>status</c> is "Missing" for a week never saved.</summary>
public sealed record WeekDocument(
    int OrganizationId,
    string Week,
    DateOnly WeekStart,
    string Status,
    int? Version,
    bool Locked,
    string? LockReason,
    string? ReviewedBy,
    string? ReviewComment,
    DateTimeOffset? SubmittedAt,
    decimal StandardHours,
    decimal TotalHours,
    IReadOnlyList<WeekDocumentEntry> Entries,
    IReadOnlyList<string> Warnings)
{
    public static WeekDocument From(int organizationId, WeekView view, IEnumerable<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new WeekDocument(
            organizationId, view.Week.ToString(), view.Week.Monday, view.Status?.ToString() ?? "Missing", view.Version,
            view.IsReadOnly, view.LockReason, view.ReviewedBy, view.ReviewComment, view.SubmittedAt, view.CapacityHours, view.TotalHours,
            view.Activities.Where(a => a.Hours > 0m).Select(a => new WeekDocumentEntry(a.Name, a.Function.ToString(), a.Hours!.Value)).ToList(),
            warnings?.ToList() ?? []);
    }
}
