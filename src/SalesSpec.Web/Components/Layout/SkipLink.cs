using Microsoft.AspNetCore.Components;

namespace SalesSpec.Web.Components.Layout;

/// <summary>Where every layout's "Skip to the content" link points (WCAG 2.4.1).</summary>
public static class SkipLink
{
    /// <summary>The page's own address with #main: a bare "#main" resolves against &lt;base href="/"&gt; and would leave the page for "/".</summary>
    public static string Href(NavigationManager navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        return new Uri(navigation.Uri).GetLeftPart(UriPartial.Query) + "#main";
    }
}
