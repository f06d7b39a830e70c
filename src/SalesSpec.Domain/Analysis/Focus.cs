namespace SalesSpec.Domain.Analysis;

public enum Focus
{
    /// <summary>Non-core selling time at most 10 %.</summary>
    Focused,

    /// <summary>Non-core selling time above 10 % but not above the threshold.</summary>
    Watch,

    /// <summary>Non-core selling time above the threshold.</summary>
    Unfocused,
}
