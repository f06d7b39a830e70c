using SalesSpec.Domain.Crm;

namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>The organisation's classification rules and standard durations, as edited on the CRM import page.</summary>
public sealed class CrmRulesForm
{
    public List<CrmRuleRow> Rules { get; set; } = [];

    public int CallMinutes { get; set; }

    public int EmailMinutes { get; set; }

    public int MeetingMinutes { get; set; }

    public int TaskMinutes { get; set; }

    /// <summary>The saved version the form was loaded from; 0 while the organisation uses the default rules.</summary>
    public int Version { get; set; }

    /// <summary>The organisation's activity names, for choosing and checking a rule's activity (not edited).</summary>
    public IReadOnlyList<string> Activities { get; init; } = [];

    public IReadOnlyList<ClassificationRule> ToRules() => Rules.Select(r => r.ToRule()).ToList();

    public IReadOnlyDictionary<CrmActivityType, int> ToMinutes() => new Dictionary<CrmActivityType, int>
    {
        [CrmActivityType.Call] = CallMinutes,
        [CrmActivityType.Email] = EmailMinutes,
        [CrmActivityType.Meeting] = MeetingMinutes,
        [CrmActivityType.Task] = TaskMinutes,
    };

    public static CrmRulesForm From(IReadOnlyList<ClassificationRule> rules, IReadOnlyDictionary<CrmActivityType, int> minutes, int version, IReadOnlyList<string> activities)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(minutes);
        return new()
        {
            Rules = rules.Select(CrmRuleRow.From).ToList(),
            CallMinutes = minutes[CrmActivityType.Call],
            EmailMinutes = minutes[CrmActivityType.Email],
            MeetingMinutes = minutes[CrmActivityType.Meeting],
            TaskMinutes = minutes[CrmActivityType.Task],
            Version = version,
            Activities = activities,
        };
    }

    public CrmRulesForm Copy() => new()
    {
        Rules = Rules.Select(r => r.Copy()).ToList(),
        CallMinutes = CallMinutes,
        EmailMinutes = EmailMinutes,
        MeetingMinutes = MeetingMinutes,
        TaskMinutes = TaskMinutes,
        Version = Version,
        Activities = Activities,
    };
}
