using Microsoft.AspNetCore.Http;

namespace SalesSpec.Web.Components.Layout;

/// <summary>
/// The dashboard's what-if slider asks for its page again at each move but keeps only the parts marked
/// <c>data-follows-line</c> (js/document.js). With this request header a page marked <see cref="AnswersPartsAttribute"/>
/// leaves out everything else (the document's head, the bar and its notification query, the navigation, the charts
/// that do not depend on the line), so a move costs the server less work and the browser about half the bytes to
/// read. Other pages ignore the header.
/// </summary>
public static class PartsRequest
{
    public const string Header = "X-SalesSpec-Parts";

    /// <summary>The header's value for the parts that follow the what-if line.</summary>
    public const string FollowsLine = "follows-line";

    /// <summary>Whether the page answers with its parts: it is one that can, and they were asked for.</summary>
    public static bool IsAsked(HttpContext? context) =>
        Answers(context) && string.Equals(context!.Request.Headers[Header].ToString(), FollowsLine, StringComparison.Ordinal);

    /// <summary>Whether the page can answer with its parts, so its answer depends on the header.</summary>
    public static bool Answers(HttpContext? context) =>
        context?.GetEndpoint()?.Metadata.GetMetadata<AnswersPartsAttribute>() is not null;
}

/// <summary>A statically rendered page whose parts marked <c>data-follows-line</c> can be asked for alone (<see cref="PartsRequest"/>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AnswersPartsAttribute : Attribute;
