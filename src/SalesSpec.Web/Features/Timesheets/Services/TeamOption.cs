namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>A team the member may review, with the last week locked for it (if any).</summary>
public sealed record TeamOption(int Id, string Name, Domain.Common.IsoWeek? LockedThrough);
