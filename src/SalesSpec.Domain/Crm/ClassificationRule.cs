namespace SalesSpec.Domain.Crm;

/// <summary>
/// One line of the ordered rule list: when a record meets every condition given, it is booked on
/// <see cref="Activity"/>. A condition left empty matches anything.
/// </summary>
/// <param name="Type">The record's type, or null for any.</param>
/// <param name="AttachedTo">What the record must be attached to (one kind), or null for anything.</param>
/// <param name="Keywords">Any one of them in the subject (case-insensitive); empty for any subject.</param>
/// <param name="Activity">The organisation's activity the record's time goes to.</param>
public sealed record ClassificationRule(CrmActivityType? Type, CrmLink? AttachedTo, IReadOnlyList<string> Keywords, string Activity)
{
    public bool Matches(CrmRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Type is { } type && record.Type != type)
        {
            return false;
        }
        if (AttachedTo is { } link && (record.Links & link) == 0)
        {
            return false;
        }
        return Keywords.Count == 0
            || Keywords.Any(k => record.Subject.Contains(k.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The rule in words, for previews and the audit log: "Meeting · attached to Opportunity · subject has demo".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Type is { } type)
        {
            parts.Add(type.ToString());
        }
        if (AttachedTo is { } link)
        {
            parts.Add($"attached to {link}");
        }
        if (Keywords.Count > 0)
        {
            parts.Add($"subject has {string.Join(" or ", Keywords.Select(k => $"\"{k}\""))}");
        }
        return parts.Count == 0 ? "any record" : string.Join(" · ", parts);
    }
}
