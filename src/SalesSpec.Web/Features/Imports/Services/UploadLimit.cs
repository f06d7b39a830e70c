using Microsoft.AspNetCore.Http.Features;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>The import size limit on an API request body, for every import endpoint alike.</summary>
public static class UploadLimit
{
    /// <summary>
    /// False when the request says up front that its body is larger than <paramref name="maxBytes"/>. Otherwise
    /// the server is told to stop reading one byte past the limit, so a body without a length cannot run on.
    /// </summary>
    public static bool Admits(HttpContext http, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > maxBytes)
        {
            return false;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }
        return true;
    }
}
