using Microsoft.AspNetCore.Components;

namespace SalesSpec.Web.Components.Account;

/// <summary>Redirects from the statically rendered account pages, refusing redirects off this site.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri)
    {
        navigationManager.NavigateTo(IsLocal(uri) ? uri! : "/");
    }

    /// <summary>
    /// Whether a return address stays on this site: a path, never a scheme, a host ("//evil.test"), a backslash
    /// (browsers read "/\\evil.test" as a host) or a control character. Anything else goes home, and signing in still works.
    /// </summary>
    public static bool IsLocal(string? uri) =>
        !string.IsNullOrEmpty(uri)
        && Uri.IsWellFormedUriString(uri, UriKind.Relative)
        && !uri.StartsWith("//", StringComparison.Ordinal)
        && !uri.Contains('\\', StringComparison.Ordinal)
        && !uri.Any(char.IsControl)
        && !uri.Split('/', 2)[0].Contains(':', StringComparison.Ordinal);
}
