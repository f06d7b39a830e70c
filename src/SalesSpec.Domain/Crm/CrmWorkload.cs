using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Crm;

/// <summary>
/// Turns CRM records into hours per rep, ISO week and activity (formats.md §2): the first rule a record
/// meets decides the activity; its own duration counts, or its type's standard minutes. Records that
/// bring no hours are counted by reason, with a sample of each, so that nothing disappears unseen.
/// Memory grows with reps × weeks × activities, not with records.
/// </summary>
public sealed class CrmWorkload
{
    private readonly IReadOnlyList<ClassificationRule> _rules;
    private readonly IReadOnlyDictionary<CrmActivityType, int> _standardMinutes;
    private readonly int _samplesPerReason;
    private readonly Dictionary<(string Email, DateOnly Monday, string Activity), (decimal Minutes, int Records)> _totals = [];
    private readonly Dictionary<string, string?> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<CrmSkipReason, int> _skipped = [];
    private readonly List<CrmSkip> _samples = [];
    private readonly int[] _ruleRecords;
    private readonly decimal[] _ruleMinutes;

    public CrmWorkload(IReadOnlyList<ClassificationRule> rules, IReadOnlyDictionary<CrmActivityType, int> standardMinutes, int samplesPerReason = 10)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(standardMinutes);
        _rules = rules;
        _standardMinutes = standardMinutes;
        _samplesPerReason = samplesPerReason;
        _ruleRecords = new int[rules.Count];
        _ruleMinutes = new decimal[rules.Count];
    }

    public int Matched { get; private set; }

    public int SkippedCount { get; private set; }

    public int RecordsRead => Matched + SkippedCount;

    public IReadOnlyDictionary<CrmSkipReason, int> Skipped => _skipped;

    /// <summary>The first few skipped records of each reason, in the order read.</summary>
    public IReadOnlyList<CrmSkip> SkipSamples => _samples;

    /// <summary>The reps that hours were derived for: email → name (when the export gave one).</summary>
    public IReadOnlyDictionary<string, string?> Owners => _owners;

    public IReadOnlyList<CrmRuleHit> RuleHits =>
        Enumerable.Range(0, _rules.Count).Select(i => new CrmRuleHit(i, _ruleRecords[i], _ruleMinutes[i])).ToList();

    /// <summary>The position of the first rule <paramref name="record"/> meets, or null.</summary>
    public static int? Classify(IReadOnlyList<ClassificationRule> rules, CrmRecord record)
    {
        ArgumentNullException.ThrowIfNull(rules);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Matches(record))
            {
                return i;
            }
        }
        return null;
    }

    /// <returns>The rule that took the record, or null when none did (it is counted as unmatched).</returns>
    public int? Add(CrmRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Classify(_rules, record) is not { } rule)
        {
            Skip(new CrmSkip(record.File, record.Line, record.RecordId, record.OwnerEmail, record.Type, record.Subject, record.Date, CrmSkipReason.NoRuleMatched));
            return null;
        }
        var minutes = record.Minutes ?? _standardMinutes[record.Type];
        var key = (record.OwnerEmail, IsoWeek.Containing(record.Date).Monday, _rules[rule].Activity);
        var total = _totals.GetValueOrDefault(key);
        _totals[key] = (total.Minutes + minutes, total.Records + 1);
        if (!_owners.TryGetValue(record.OwnerEmail, out var name) || name is null)
        {
            _owners[record.OwnerEmail] = record.OwnerName;
        }
        _ruleRecords[rule]++;
        _ruleMinutes[rule] += minutes;
        Matched++;
        return rule;
    }

    public void Skip(CrmSkip skip)
    {
        ArgumentNullException.ThrowIfNull(skip);
        var count = _skipped.GetValueOrDefault(skip.Reason);
        _skipped[skip.Reason] = count + 1;
        if (count < _samplesPerReason)
        {
            _samples.Add(skip);
        }
        SkippedCount++;
    }

    /// <summary>Hours per rep, week and activity, in that order; minutes are summed first, then turned into hours (to 4 places).</summary>
    public IReadOnlyList<CrmWeekHours> WeeklyHours() =>
        _totals
            .Select(t => new CrmWeekHours(t.Key.Email, IsoWeek.FromMonday(t.Key.Monday), t.Key.Activity, Math.Round(t.Value.Minutes / 60m, 4, MidpointRounding.AwayFromZero), t.Value.Records))
            .OrderBy(h => h.Email, StringComparer.Ordinal).ThenBy(h => h.Week).ThenBy(h => h.Activity, StringComparer.Ordinal)
            .ToList();
}
