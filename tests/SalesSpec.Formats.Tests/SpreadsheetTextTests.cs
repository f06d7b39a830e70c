using SalesSpec.Formats.Spreadsheets;

namespace SalesSpec.Formats.Tests;

/// <summary>Formula-injection neutralisation of formats.md §1 and its exact undoing on import.</summary>
public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+East", "'+East")]
    [InlineData("-Rep", "'-Rep")]
    [InlineData("@Demos", "'@Demos")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'=x", "''=x")]
    [InlineData("''-x", "'''-x")]
    public void Cells_that_start_like_a_formula_get_a_leading_quote(string text, string written)
    {
        SpreadsheetText.Neutralise(text).ShouldBe(written);
        SpreadsheetText.Restore(written).ShouldBe(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Ana")]
    [InlineData("a=b")]
    [InlineData("-3")]
    [InlineData("+2.5")]
    [InlineData("-.5")]
    [InlineData("'")]
    [InlineData("'Ana")]
    [InlineData("'-3")]
    [InlineData(" =x")]
    public void Other_text_and_plain_numbers_are_left_alone(string text)
    {
        SpreadsheetText.Neutralise(text).ShouldBe(text);
        SpreadsheetText.Restore(text).ShouldBe(text);
    }

    [Fact]
    public void Null_is_refused()
    {
        Should.Throw<ArgumentNullException>(() => SpreadsheetText.Neutralise(null!));
        Should.Throw<ArgumentNullException>(() => SpreadsheetText.Restore(null!));
    }
}
