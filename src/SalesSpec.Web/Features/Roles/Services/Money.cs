namespace SalesSpec.Web.Features.Roles.Services;

/// <summary>Amounts as the organisation's people read them: its currency code, then the amount ("USD 150,000").</summary>
public static class Money
{
    public static string Of(decimal? amount, string currency) =>
        amount is { } value ? $"{currency} {value.ToString("#,##0.##", CultureInfo.InvariantCulture)}" : "not set";
}
