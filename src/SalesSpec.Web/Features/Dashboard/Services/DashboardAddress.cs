using Microsoft.AspNetCore.WebUtilities;

namespace SalesSpec.Web.Features.Dashboard.Services;

/// <summary>
/// The static dashboard's whole state as its address: the view (period, team, what-if line) and what the page shows
/// of it (the rep opened in detail, each rep list's search, sort and page, the page of missing timesheets). Every
/// link and form on the page changes one thing and keeps the rest, so a bookmark or a reload shows the same page.
/// </summary>
public sealed class DashboardAddress
{
    public const string Rep = "rep";

    /// <summary>The longest rep email looked up (an email address has at most 254 characters).</summary>
    public const int MaxRepLength = 254;
    public const string Missing = "missing";

    /// <summary>The prefix of the heat map's list keys (hq, hsort, hpage); "who is stretched" has none.</summary>
    public const string HeatMap = "h";

    // The order of the keys after the view's own: links read the same whichever control made them.
    private static readonly string[] StateKeys = [Rep, "q", "sort", "page", HeatMap + "q", HeatMap + "sort", HeatMap + "page", Missing];

    private readonly List<KeyValuePair<string, string>> _values = [];

    /// <param name="viewLink">The view's link (<see cref="DashboardPageModel.Link"/>): the path with period, team and line.</param>
    /// <param name="state">The address' other values as read; blank ones are left out.</param>
    public DashboardAddress(string viewLink, IReadOnlyDictionary<string, string?> state)
    {
        ArgumentNullException.ThrowIfNull(viewLink);
        ArgumentNullException.ThrowIfNull(state);
        var question = viewLink.IndexOf('?', StringComparison.Ordinal);
        Path = question < 0 ? viewLink : viewLink[..question];
        if (question >= 0)
        {
            foreach (var (key, values) in QueryHelpers.ParseQuery(viewLink[question..]))
            {
                _values.Add(new(key, values.ToString()));
            }
        }
        foreach (var key in StateKeys)
        {
            if (state.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                _values.Add(new(key, value.Trim()));
            }
        }
    }

    /// <summary>The dashboard's path, without the query: a form's action.</summary>
    public string Path { get; }

    /// <summary>The value the address has for <paramref name="key"/>, if any.</summary>
    public string? this[string key] => _values.FirstOrDefault(v => v.Key == key).Value;

    /// <summary>This address with <paramref name="changes"/>: a blank value removes its key.</summary>
    public string With(params (string Key, string? Value)[] changes)
    {
        var values = _values.Where(v => !changes.Any(c => c.Key == v.Key)).ToList();
        values.AddRange(changes.Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => new KeyValuePair<string, string>(c.Key, c.Value!)));
        return values.Count == 0 ? Path : QueryHelpers.AddQueryString(Path, values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
    }

    /// <summary>The address' values but <paramref name="keys"/>: a form's hidden fields, so submitting it keeps the rest.</summary>
    public IEnumerable<KeyValuePair<string, string>> Except(params string[] keys) => _values.Where(v => !keys.Contains(v.Key));

    /// <summary>Where a rep's details open: their address, scrolled to the details.</summary>
    public string RepLink(string email) => With((Rep, email)) + "#rep-details";
}
