namespace SalesSpec.Web.Features.Organizations.Services;

/// <summary>ISO 4217 codes, from the regions the runtime knows; the common ones first in pickers.</summary>
public static class Currencies
{
    public static readonly IReadOnlyList<string> Common = ["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "INR"];

    private static readonly Lazy<HashSet<string>> Codes = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
            .Where(code => code is { Length: 3 })
            .Select(code => code!)
            .Concat(Common)
            .ToHashSet(StringComparer.Ordinal));

    public static IReadOnlyList<string> All => [.. Common, .. Codes.Value.Except(Common).Order(StringComparer.Ordinal)];

    public static bool IsKnown(string? code) => code is { Length: 3 } && Codes.Value.Contains(code);
}
