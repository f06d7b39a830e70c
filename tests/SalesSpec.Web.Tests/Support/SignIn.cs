using System.Net;
using System.Text.RegularExpressions;

namespace SalesSpec.Web.Tests.Support;

/// <summary>Signs in through the real sign-in form (antiforgery token and all), as a browser would.</summary>
public static partial class SignIn
{
    public const string Password = "Demo-1234!";

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, bool withToken = true)
    {
        var page = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        }
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
    }

    public static async Task AsAsync(HttpClient client, string email, string password = Password)
    {
        using var response = await PostLoginAsync(client, email, password);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || body.Contains("data-testid=\"login-error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }
        // As a browser on SalesSpec's own pages: its data-changing API calls carry this site's Origin.
        if (!client.DefaultRequestHeaders.Contains("Origin"))
        {
            client.DefaultRequestHeaders.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        }
    }

    public static string AntiforgeryToken(string page) => TokenPattern().Match(page) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
