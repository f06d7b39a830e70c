using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SalesSpec.Web.Tests.Support;

/// <summary>One API call as a script makes it: JSON in, status and JSON body out.</summary>
public static class Api
{
    public static Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null) =>
        SendContentAsync(client, method, url, body is null ? null : JsonContent.Create(body));

    /// <summary>A file upload or any other body that is not JSON.</summary>
    public static Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, HttpContent content) =>
        SendContentAsync(client, HttpMethod.Post, url, content);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendContentAsync(HttpClient client, HttpMethod method, string url, HttpContent? content)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
