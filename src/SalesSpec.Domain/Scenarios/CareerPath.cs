using SalesSpec.Domain.Analysis;
namespace SalesSpec.Domain.Scenarios;

/// <summary>A way people grow into a role, step by step, and where the advice comes from.</summary>
/// <param name="Steps">Role names of the four-role template, or a plain description of a step no role names.</param>
public sealed record CareerPath(string Name, IReadOnlyList<string> Steps, string Rationale, string Source)
{
    /// <summary>
    /// The classic path, and the one the assembly-line article (002) found works better: SDRs are usually too junior to hunt,
    /// so they first manage customers (closing renewals), then close new business in a forgiving segment,
    /// and only then hunt.
    /// </summary>
    public static IReadOnlyList<CareerPath> Suggested { get; } =
    [
        new("Assembly line",
            ["Sales Development Rep", "Account Manager", "Business development", "Account Executive"],
            "SDRs are usually too junior to hunt: they grow by closing renewals as account managers, then new business in a forgiving segment, and only then hunt as AEs.",
            SourceArticles.Get("002").Citation),
        new("Classic",
            ["Sales Development Rep", "Account Executive"],
            "The obvious route; it often loses good lead-generation people who are promoted too early and fail.",
            SourceArticles.Get("002").Citation),
        new("Farm team",
            ["Market Response Rep", "Sales Development Rep"],
            "Several roles give a simple path to grow and promote people internally, cheaper and less risky than outside hires; qualifying inbound leads is a gentle first step before outbound.",
            SourceArticles.Get("000").Citation),
    ];
}
