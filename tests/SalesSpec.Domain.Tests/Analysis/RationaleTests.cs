using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;
using static SalesSpec.Domain.Tests.Analysis.Scenario;

namespace SalesSpec.Domain.Tests.Analysis;

/// <summary>The words of a rule of thumb, read in full as a sales VP reads them.</summary>
public sealed class RationaleTests
{
    [Fact]
    public void MissingCoreRoles_lists_the_functions_nobody_owns_and_says_the_rule()
    {
        var result = new Scenario()
            .Rep("ae", Workload.Closing).Log("ae", 0, Closing(40))
            .Rep("am", Workload.PostSales).Log("am", 0, PostSales(40))
            .Analyze();

        result.Recommendations.Single(r => r.Kind == RecommendationKind.MissingCoreRoles).Rationale.ShouldBe(
            "Only 2 of the four selling functions are someone's core job; nobody owns inbound qualification, outbound prospecting. " +
            "Almost every B2B company should have at least three of the four roles.");
    }
}
