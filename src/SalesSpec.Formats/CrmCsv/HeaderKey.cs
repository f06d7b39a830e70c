using SalesSpec.Domain.Crm;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>
/// How a header cell is matched: case, spaces and punctuation do not matter, and a unit in parentheses at the end is
/// read as a unit, not as part of the name — "Call duration (HH:mm:ss)" is the column "callduration" in "hh:mm:ss".
/// </summary>
internal static class HeaderKey
{
    public static (string Key, string Unit) Of(string header)
    {
        var text = header.Trim().TrimStart('\uFEFF').Trim();
        var unit = "";
        if (text.EndsWith(')') && text.LastIndexOf('(') is var open and > 0)
        {
            unit = text[(open + 1)..^1].Trim().ToLowerInvariant();
            text = text[..open];
        }
        return (Key(text), unit);
    }

    public static string Key(string name) => CrmText.Plain(name);
}
