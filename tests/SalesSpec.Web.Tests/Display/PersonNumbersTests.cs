using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Tests.Display;

/// <summary>The decimal mark shown to a person follows the first language their browser asks for.</summary>
public sealed class PersonNumbersTests
{
    [Theory]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", true)]
    [InlineData("fr", true)]
    [InlineData("nl-NL", true)]
    [InlineData("en-US,en;q=0.9,de;q=0.8", false)]
    [InlineData("en-GB", false)]
    [InlineData("*", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("xx-not-a-language!!", false)]
    public void The_first_language_decides(string? header, bool comma) =>
        PersonNumbers.FromAcceptLanguage(header).DecimalComma.ShouldBe(comma);

    [Theory]
    [InlineData(",", "en-US", true)]
    [InlineData(".", "de-DE", false)]
    [InlineData(null, "de-DE", true)]
    [InlineData(null, "en-US", false)]
    [InlineData("x", "de-DE", true)]
    public void A_mark_chosen_on_the_profile_wins_over_the_browser(string? chosen, string header, bool comma) =>
        PersonNumbers.Choose(chosen, header).DecimalComma.ShouldBe(comma);
}
