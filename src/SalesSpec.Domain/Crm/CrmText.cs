namespace SalesSpec.Domain.Crm;

/// <summary>How CRM exports' words are compared: "No show", "no-show" and "NO_SHOW" are one value, as are "Owner ID" and "OwnerId".</summary>
public static class CrmText
{
    /// <summary>The letters and digits, upper-cased.</summary>
    public static string Plain(string? text) =>
        string.Concat((text ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant));
}
