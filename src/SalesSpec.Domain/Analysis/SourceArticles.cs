namespace SalesSpec.Domain.Analysis;

/// <summary>One of the articles the product's rules come from.</summary>
/// <param name="Number">The article's number in the client's material ("003"): what the JSON and CSV contracts cite.</param>
/// <param name="Title">Its title, as people are shown it.</param>
/// <param name="Where">Who published it, and when.</param>
/// <param name="Gives">What SalesSpec takes from it.</param>
public sealed record SourceArticle(string Number, string Title, string Where, string Gives)
{
    /// <summary>"“Title” (where)": how a page names the article beside a rule.</summary>
    public string Citation => $"“{Title}” ({Where})";

    /// <summary>"“Title”": how a sentence names it in passing (the Sources page has the rest).</summary>
    public string ShortCitation => $"“{Title}”";
}

/// <summary>
/// The client's five source articles. Machine contracts keep their numbers ("seed 003: …" in an analysis' JSON);
/// everything a person reads names the article instead.
/// </summary>
public static class SourceArticles
{
    public static IReadOnlyList<SourceArticle> All { get; } =
    [
        new("000", "Sales Organization Structure", "HubSpot Sales Blog, 2015; from The Predictable Revenue Guide to Tripling Your Sales",
            "Specialists keep non-core work under 10–20 % of their time; the four core roles as a template to adapt; grow about two thirds of people internally and hire one third; several roles make a career path (the farm team)."),
        new("001", "From Impossible to Inevitable", "book by Aaron Ross and Jason Lemkin, pp. 18–20",
            "The four core roles; almost every B2B company needs at least three of them; do not specialise a very simple sales process or a segment already succeeding with generalists; hand-offs need a predefined process."),
        new("002", "Additional Benefits of Specialization", "on the sales assembly line, with the case of CrossBorder Solutions",
            "Cheaper roles do cheaper work; a path that works better than SDR → AE: SDR, account management, business development, then the hunter AE."),
        new("003", "The Problems with “Lumping”; Separate the Four Core Sales Functions", "Aaron Ross, 2008",
            "Break out a function that takes more than 20 % of a group's time; a couple of hundred inbound leads a month justify an inside Market Response Rep; with 3–4 AEs, make the next hire an outbound SDR; AEs stay engaged until the customer is deployed."),
        new("004", "A Sales Force Divided Can Stand", "Josh Lowry, 2012",
            "When sellers spend more than 20 % of their time on a workload, create a position for it; the three-workload model (demand generation, closing, account management) and its case study."),
    ];

    public static SourceArticle Get(string number) =>
        All.FirstOrDefault(a => a.Number == number) ?? throw new ArgumentOutOfRangeException(nameof(number), number, "No such source article.");

    /// <summary>The citations of the given articles, joined: "“A” (…); “B” (…)".</summary>
    public static string Cite(params string[] numbers) => string.Join("; ", numbers.Select(n => Get(n).Citation));

    /// <summary>The titles of the given articles, joined: "“A”; “B”".</summary>
    public static string CiteShort(params string[] numbers) => string.Join("; ", numbers.Select(n => Get(n).ShortCitation));

    /// <summary>
    /// A contract's source ("seed 003: what it says", "seeds 000, 003: …") as people read it: what it says, then the
    /// articles by title. Text that cites no article is returned as it is.
    /// </summary>
    public static string Describe(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var colon = source.IndexOf(':', StringComparison.Ordinal);
        var head = colon < 0 ? source : source[..colon];
        if (!head.StartsWith("seed", StringComparison.OrdinalIgnoreCase))
        {
            return source;
        }
        var numbers = head[(head.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (numbers.Length == 0 || numbers.Any(n => All.All(a => a.Number != n)))
        {
            return source;
        }
        var says = colon < 0 ? "" : source[(colon + 1)..].Trim();
        var cited = Cite(numbers);
        return says.Length == 0 ? cited : $"{char.ToUpperInvariant(says[0])}{says[1..]} — {cited}";
    }
}
