using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Crm;

/// <summary>
/// An organisation's ordered classification rules and standard durations for CRM imports (formats.md §2).
/// The first rule a record meets decides its activity; a record without a duration of its own counts
/// its type's standard minutes.
/// </summary>
public sealed class CrmRuleSet
{
    public const int MaxRules = 200;
    public const int MaxKeywords = 30;
    public const int MaxKeywordLength = 60;
    public const int MaxStandardMinutes = 480;

    private CrmRuleSet()
    {
        Organization = null!;
        Rules = [];
        StandardMinutes = new Dictionary<CrmActivityType, int>();
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; }

    public IReadOnlyList<ClassificationRule> Rules { get; private set; }

    /// <summary>Minutes per record type for records that carry no duration (every type has one).</summary>
    public IReadOnlyDictionary<CrmActivityType, int> StandardMinutes { get; private set; }

    /// <summary>Raised on every change, so that two people editing the rules cannot overwrite each other unseen.</summary>
    public int Version { get; private set; }

    public static IReadOnlyDictionary<CrmActivityType, int> DefaultStandardMinutes { get; } = new Dictionary<CrmActivityType, int>
    {
        [CrmActivityType.Call] = 10,
        [CrmActivityType.Email] = 5,
        [CrmActivityType.Meeting] = 30,
        [CrmActivityType.Task] = 15,
    };

    /// <summary>
    /// The rules a new organisation starts with, over the default activity catalogue: subject keywords
    /// first (they say most about the work), then what the record is attached to. Records attached
    /// only to a contact, with no telling subject, stay unmatched on purpose: they could be any function.
    /// </summary>
    public static IReadOnlyList<ClassificationRule> DefaultRules { get; } =
    [
        Rule(CrmActivityType.Meeting, null, "Demos", "demo"),
        Rule(null, null, "Proposals and negotiation", "proposal", "quote", "contract", "negotiat", "pricing"),
        Rule(null, null, "Renewals", "renewal"),
        Rule(null, null, "Upsell and cross-sell", "upsell", "up-sell", "cross-sell", "expansion", "upgrade"),
        Rule(null, null, "Onboarding", "onboarding", "kickoff", "kick-off", "implementation"),
        Rule(null, null, "Account reviews", "QBR", "business review", "account review"),
        Rule(null, CrmLink.Case, "Support escalations"),
        Rule(null, null, "Support escalations", "escalation", "support", "outage"),
        Rule(null, null, "Internal meetings", "internal", "1:1", "team meeting", "pipeline review", "forecast"),
        Rule(null, null, "Training", "training", "enablement"),
        Rule(CrmActivityType.Call, null, "Cold calls", "cold call", "prospecting", "outreach"),
        Rule(CrmActivityType.Email, null, "Outbound email sequences", "sequence", "cadence", "outreach", "introduction"),
        Rule(null, null, "Respond to web inquiries", "web inquiry", "inbound", "contact request", "demo request", "form fill"),
        Rule(null, null, "Discovery calls", "discovery"),
        Rule(null, CrmLink.Opportunity, "Discovery calls"),
        Rule(null, CrmLink.Lead, "Qualify inbound leads"),
        Rule(null, CrmLink.Account, "Account reviews"),
    ];

    /// <summary>The default rules whose activity is among <paramref name="activities"/> (an organisation may have renamed or removed some).</summary>
    public static IReadOnlyList<ClassificationRule> DefaultRulesFor(IEnumerable<string> activities)
    {
        var names = activities.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return DefaultRules.Where(r => names.Contains(r.Activity)).ToList();
    }

    /// <summary>The default rules for an organisation, keeping those whose activity it has.</summary>
    public static CrmRuleSet CreateDefault(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return Create(organization, DefaultRulesFor(organization.Activities.Select(a => a.Name)), DefaultStandardMinutes);
    }

    public static CrmRuleSet Create(Organization organization, IReadOnlyList<ClassificationRule> rules, IReadOnlyDictionary<CrmActivityType, int> standardMinutes)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var set = new CrmRuleSet { Organization = organization, OrganizationId = organization.Id };
        set.Replace(rules, standardMinutes);
        set.Version = 1;
        return set;
    }

    /// <summary>Replaces the rules and durations as a whole; the input was validated where it was typed.</summary>
    public void Replace(IReadOnlyList<ClassificationRule> rules, IReadOnlyDictionary<CrmActivityType, int> standardMinutes)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(standardMinutes);
        if (rules.Count > MaxRules)
        {
            throw new DomainRuleException($"At most {MaxRules} classification rules; got {rules.Count}.");
        }
        foreach (var type in Enum.GetValues<CrmActivityType>())
        {
            if (!standardMinutes.TryGetValue(type, out var minutes) || minutes is < 0 or > MaxStandardMinutes)
            {
                throw new DomainRuleException($"The standard duration of {(type == CrmActivityType.Email ? "an" : "a")} {type} must be 0 to {MaxStandardMinutes} minutes.");
            }
        }
        Rules = rules.Select(r => r with
        {
            Keywords = r.Keywords.Select(k => k.Trim()).Where(k => k.Length > 0).ToList(),
            States = r.States.Select(k => k.Trim()).Where(k => k.Length > 0).ToList(),
            Activity = r.Activity.Trim(),
        }).ToList();
        StandardMinutes = Enum.GetValues<CrmActivityType>().ToDictionary(t => t, t => standardMinutes[t]);
        Version++;
    }

    private static ClassificationRule Rule(CrmActivityType? type, CrmLink? attachedTo, string activity, params string[] keywords) =>
        new(type, attachedTo, keywords, activity);
}
