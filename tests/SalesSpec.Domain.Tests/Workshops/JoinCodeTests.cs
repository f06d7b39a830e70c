using SalesSpec.Domain.Common;
using SalesSpec.Domain.Workshops;

namespace SalesSpec.Domain.Tests.Workshops;

/// <summary>Join codes: 8 characters without look-alikes, read as people type them.</summary>
public sealed class JoinCodeTests
{
    [Fact]
    public void The_alphabet_has_no_look_alikes()
    {
        foreach (var lookAlike in "0O1IL5S2Z")
        {
            JoinCode.Alphabet.ShouldNotContain(lookAlike);
        }
        JoinCode.Alphabet.Distinct().Count().ShouldBe(JoinCode.Alphabet.Length);
    }

    [Fact]
    public void A_new_code_takes_eight_characters_of_the_alphabet()
    {
        var random = new Random(7);

        var codes = Enumerable.Range(0, 200).Select(_ => JoinCode.Create(random.Next)).ToList();

        codes.ShouldAllBe(code => code.Value.Length == JoinCode.Length && code.Value.All(c => JoinCode.Alphabet.Contains(c)));
        codes.Select(code => code.Value).Distinct().Count().ShouldBe(200);
        // Every character of the alphabet can come up.
        string.Concat(codes.Select(code => code.Value)).Distinct().Count().ShouldBe(JoinCode.Alphabet.Length);
    }

    [Theory]
    [InlineData("ABCD-EFGH", "ABCDEFGH")]
    [InlineData("abcd efgh", "ABCDEFGH")]
    [InlineData(" a b c d e f g h ", "ABCDEFGH")]
    [InlineData("346789XY", "346789XY")]
    public void A_code_is_read_in_any_case_with_spaces_and_dashes(string typed, string expected)
    {
        JoinCode.TryParse(typed, out var code).ShouldBeTrue();

        code.Value.ShouldBe(expected);
        code.Display.ShouldBe(expected[..4] + "-" + expected[4..]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABCDEFG")]
    [InlineData("ABCDEFGHJ")]
    [InlineData("ABCDEFG0")]
    [InlineData("ABCDEFGO")]
    [InlineData("ABCDEFG1")]
    [InlineData("ABCD_EFGH")]
    [InlineData("ÄBCDEFGH")]
    public void Anything_else_is_not_a_code(string? typed)
    {
        JoinCode.TryParse(typed, out _).ShouldBeFalse();
        if (typed is not null)
        {
            Should.Throw<DomainRuleException>(() => JoinCode.Parse(typed));
        }
    }

    [Fact]
    public void A_very_long_text_is_refused_before_it_is_read()
    {
        JoinCode.TryParse(new string('-', 10_000) + "ABCDEFGH", out _).ShouldBeFalse();
    }
}
