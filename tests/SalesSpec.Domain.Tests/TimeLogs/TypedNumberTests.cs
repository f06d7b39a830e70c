using SalesSpec.Domain.TimeLogs;

namespace SalesSpec.Domain.Tests.TimeLogs;

/// <summary>What a person types into a week's cell: read as they meant it, or refused with the reason.</summary>
public sealed class TypedNumberTests
{
    [Theory]
    [InlineData("7,5", "7.5")]
    [InlineData("7.5", "7.5")]
    [InlineData(" 8 ", "8")]
    [InlineData(",5", "0.5")]
    [InlineData("7.", "7")]
    [InlineData("1,12", "1.12")]
    [InlineData("7.500", "7.5")]
    [InlineData("-3", "-3")]
    [InlineData("+4", "4")]
    public void A_number_is_read_with_a_point_or_a_lone_comma_as_the_decimal_mark(string typed, string expected)
    {
        TypedNumber.TryRead(typed, TypedNumber.MaxTypedDecimals, out var value).ShouldBeNull();
        value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_cell_is_no_number_and_no_problem(string? typed)
    {
        TypedNumber.TryRead(typed, TypedNumber.MaxTypedDecimals, out var value).ShouldBeNull();
        value.ShouldBeNull();
    }

    [Theory]
    [InlineData("1.123", "At most 2 decimals: 7.55, not 1.123.")]
    [InlineData("1,123", "At most 2 decimals: 7.55, not 1,123.")]
    [InlineData("1e3", "'1e3' is not a number: type it as 7.5 or 7,5.")]
    [InlineData("1.234,5", "'1.234,5' has more than one decimal mark: type it as 7.5 or 7,5, without thousands separators.")]
    [InlineData("7 5", "'7 5' is not a number: type it as 7.5 or 7,5.")]
    [InlineData(".", "'.' is not a number: type it as 7.5 or 7,5.")]
    [InlineData("-", "'-' is not a number: type it as 7.5 or 7,5.")]
    [InlineData("seven", "'seven' is not a number: type it as 7.5 or 7,5.")]
    [InlineData("99999999999999999999999999999999", "'9999999999999999999…' is too large a number.")]
    public void Anything_else_is_refused_with_the_reason_and_no_number(string typed, string reason)
    {
        TypedNumber.TryRead(typed, TypedNumber.MaxTypedDecimals, out var value).ShouldBe(reason);
        value.ShouldBeNull();
    }

    [Theory]
    [InlineData("7.5", false, "7.5")]
    [InlineData("7.5", true, "7,5")]
    [InlineData("1.3333", false, "1.3333")]
    [InlineData("8.00", true, "8")]
    public void A_number_is_shown_with_the_persons_decimal_mark(string value, bool comma, string shown) =>
        TypedNumber.Show(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), comma).ShouldBe(shown);
}
