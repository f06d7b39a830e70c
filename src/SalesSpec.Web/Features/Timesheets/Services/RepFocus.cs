using SalesSpec.Domain.Analysis;

namespace SalesSpec.Web.Features.Timesheets.Services;

/// <summary>The rep's own focus over recent weeks, from the analyzer, with one line of advice.</summary>
public sealed record RepFocus(int RepId, IsoWeek From, IsoWeek To, decimal Threshold, RepFigures? Overall, IReadOnlyList<WeekFocus> Weeks, string Advice);
