namespace SalesSpec.Web.Features.Accounts.Components;

/// <summary>How a session reads in the list: a browser and system a person recognises, times in UTC.</summary>
public static class SessionText
{
    private static readonly (string Marker, string Name)[] Browsers =
        [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"), ("curl/", "curl")];

    private static readonly (string Marker, string Name)[] Systems =
        [("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Mac OS", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux")];

    public static string Browser(string userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown browser";
        }
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Marker, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Marker, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (null, _) => userAgent.Length > 60 ? userAgent[..60] + "…" : userAgent,
            (_, null) => browser,
            _ => $"{browser} on {system}",
        };
    }

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
