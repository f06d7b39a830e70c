using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Tests.Common;

/// <summary>Reps are matched by a plain address, trimmed and lower-cased.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ana@acme.test", "ana@acme.test")]
    [InlineData("  Ana.Ruiz@ACME.test\t", "ana.ruiz@acme.test")]
    public void A_plain_address_is_trimmed_and_lower_cased(string value, string expected)
    {
        EmailAddress.TryNormalize(value, out var normalized).ShouldBeTrue();
        normalized.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("Ana Ruiz <ana@acme.test>")]
    [InlineData("ana@localhost")]
    public void What_is_not_a_plain_address_with_a_dotted_host_is_refused_and_gives_nothing(string? value)
    {
        EmailAddress.TryNormalize(value, out var normalized).ShouldBeFalse();
        normalized.ShouldBe("");
    }

    [Fact]
    public void An_address_may_be_254_characters_long_but_no_longer()
    {
        var host = string.Join(".", Enumerable.Repeat(new string('h', 49), 4)) + ".test";
        var longest = new string('a', 254 - 1 - host.Length) + "@" + host;

        longest.Length.ShouldBe(254);
        EmailAddress.TryNormalize(longest, out var normalized).ShouldBeTrue();
        normalized.ShouldBe(longest);
        EmailAddress.TryNormalize("a" + longest, out _).ShouldBeFalse();
    }
}
