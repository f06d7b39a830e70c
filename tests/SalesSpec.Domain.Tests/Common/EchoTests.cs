using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Tests.Common;

/// <summary>Input repeated back in a message is cut to <see cref="Echo.MaxLength"/> characters, the cut shown.</summary>
public sealed class EchoTests
{
    [Fact]
    public void Nothing_echoes_as_an_empty_text()
    {
        Echo.Cut(null).ShouldBe("");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Echo.MaxLength)]
    public void A_text_up_to_the_limit_is_echoed_whole(int length)
    {
        var text = new string('x', length);

        Echo.Cut(text).ShouldBe(text);
    }

    [Fact]
    public void A_longer_text_is_cut_to_the_limit_with_an_ellipsis_as_its_last_character()
    {
        var text = string.Concat(Enumerable.Range(0, 30).Select(i => $"{i:D9},"));

        var echoed = Echo.Cut(text);

        echoed.Length.ShouldBe(Echo.MaxLength);
        echoed.ShouldBe(text[..(Echo.MaxLength - 1)] + "…");
    }
}
