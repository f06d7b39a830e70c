using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.TeamHistory;

/// <summary>The week a team change takes effect, as typed or sent: an ISO week (2026-W48) or a date in it; empty means this week.</summary>
public static class EffectiveWeek
{
    public static bool IsValid(string? text) => string.IsNullOrWhiteSpace(text) || IsoWeek.TryParse(text, out _);

    public static string Message(string? text) =>
        $"'{TextRules.Echo(text ?? "")}' is not a week such as 2026-W48; leave it empty for this week.";

    /// <summary>The week meant; <paramref name="thisWeek"/> when none is given. Call <see cref="IsValid"/> first.</summary>
    public static IsoWeek Resolve(string? text, IsoWeek thisWeek) =>
        string.IsNullOrWhiteSpace(text) ? thisWeek : IsoWeek.Parse(text);
}
