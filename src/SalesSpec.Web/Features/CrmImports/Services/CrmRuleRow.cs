using SalesSpec.Domain.Crm;

namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>One classification rule as the editor shows it: keywords as one comma-separated text.</summary>
public sealed class CrmRuleRow
{
    public CrmActivityType? Type { get; set; }

    public CrmLink? AttachedTo { get; set; }

    /// <summary>Comma-separated; any one of them in the subject matches.</summary>
    public string Keywords { get; set; } = "";

    /// <summary>Comma-separated; the record's direction, outcome or status is any one of them.</summary>
    public string States { get; set; } = "";

    public string Activity { get; set; } = "";

    public IReadOnlyList<string> KeywordList =>
        Keywords.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> StateList =>
        States.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public bool MatchesEverything => Type is null && AttachedTo is null && KeywordList.Count == 0 && StateList.Count == 0;

    public ClassificationRule ToRule() => new(Type, AttachedTo, KeywordList, Activity.Trim()) { States = StateList };

    public static CrmRuleRow From(ClassificationRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new() { Type = rule.Type, AttachedTo = rule.AttachedTo, Keywords = string.Join(", ", rule.Keywords), States = string.Join(", ", rule.States), Activity = rule.Activity };
    }

    public CrmRuleRow Copy() => new() { Type = Type, AttachedTo = AttachedTo, Keywords = Keywords, States = States, Activity = Activity };
}
