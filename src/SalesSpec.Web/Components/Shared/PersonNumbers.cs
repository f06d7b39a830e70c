namespace SalesSpec.Web.Components.Shared;

/// <summary>
/// How the person at the browser writes numbers: with a decimal comma (7,5) or a point (7.5). Taken from the browser's
/// preferred language when the circuit starts and cascaded to every page; typed input accepts either mark regardless.
/// </summary>
public sealed record PersonNumbers(bool DecimalComma)
{
    /// <summary>The mark chosen on the profile ("." or ","), else the browser's language (<see cref="FromAcceptLanguage"/>).</summary>
    public static PersonNumbers Choose(string? chosenMark, string? acceptLanguage) => chosenMark switch
    {
        "," => new PersonNumbers(true),
        "." => new PersonNumbers(false),
        _ => FromAcceptLanguage(acceptLanguage),
    };

    /// <summary>From an Accept-Language header ("de-DE,de;q=0.9,en;q=0.8"): the first language's decimal mark.</summary>
    public static PersonNumbers FromAcceptLanguage(string? header)
    {
        var first = header?.Split(',')[0].Split(';')[0].Trim();
        if (string.IsNullOrEmpty(first) || first == "*")
        {
            return new PersonNumbers(false);
        }
        try
        {
            return new PersonNumbers(CultureInfo.GetCultureInfo(first).NumberFormat.NumberDecimalSeparator == ",");
        }
        catch (CultureNotFoundException)
        {
            return new PersonNumbers(false);
        }
    }
}
