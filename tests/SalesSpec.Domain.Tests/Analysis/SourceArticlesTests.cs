using SalesSpec.Domain.Analysis;

namespace SalesSpec.Domain.Tests.Analysis;

/// <summary>People read the articles' titles where the contracts cite their numbers.</summary>
public sealed class SourceArticlesTests
{
    [Fact]
    public void A_contract_source_reads_as_what_it_says_and_the_articles_by_title()
    {
        SourceArticles.Describe("seed 003: break out a function taking more than 20% of the group's time")
            .ShouldBe("Break out a function taking more than 20% of the group's time — “The Problems with “Lumping”; Separate the Four Core Sales Functions” (Aaron Ross, 2008)");
        SourceArticles.Describe("seeds 000, 003: specialists keep non-core work under 10–20%")
            .ShouldBe("Specialists keep non-core work under 10–20% — “Sales Organization Structure” (HubSpot Sales Blog, 2015; from The Predictable Revenue Guide to Tripling Your Sales); “The Problems with “Lumping”; Separate the Four Core Sales Functions” (Aaron Ross, 2008)");
    }

    [Theory]
    [InlineData("a note of the organisation's own")]
    [InlineData("seed 009: no such article")]
    [InlineData("seedling: not a citation")]
    public void Text_that_cites_no_known_article_is_left_as_it_is(string source) =>
        SourceArticles.Describe(source).ShouldBe(source);

    [Fact]
    public void Every_article_has_a_title_and_says_what_it_gives()
    {
        SourceArticles.All.Select(a => a.Number).ShouldBe(["000", "001", "002", "003", "004"]);
        SourceArticles.All.ShouldAllBe(a => a.Title.Length > 0 && a.Where.Length > 0 && a.Gives.Length > 0);
    }
}
