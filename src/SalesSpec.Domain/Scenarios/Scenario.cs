using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Scenarios;

/// <summary>
/// A named, saved draft of the organisation's future structure (docs/scenarios.md): started from the
/// analysis of a period, it says which role each rep would have, who would be added, and how work
/// would change hands. Its numbers are not stored: they are computed from the period's hours each time.
/// </summary>
public sealed class Scenario
{
    public const int MaxNameLength = 100;

    /// <summary>The longest analysed period a scenario starts from: two years, as the docs promise.</summary>
    public const int MaxPeriodWeeks = 104;
    public const int MaxNotesLength = 2000;
    public const int MaxHireLines = 30;
    public const int MaxHireCount = 100;
    public const int MaxMoves = 20_000;

    private Scenario()
    {
        Name = "";
        Notes = "";
        Organization = null!;
        Roles = new Dictionary<string, string>();
        Hires = [];
        HandOffs = new Dictionary<string, string>();
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; }

    public string Name { get; private set; }

    public string Notes { get; private set; }

    /// <summary>Monday of the first week of the analysed period.</summary>
    public DateOnly PeriodStart { get; private set; }

    /// <summary>Monday of the last week of the analysed period.</summary>
    public DateOnly PeriodEnd { get; private set; }

    /// <summary>The first month of the plan (month 0 of capacity over time), on its first day.</summary>
    public DateOnly StartMonth { get; private set; }

    /// <summary>The workload of the recommendation the scenario was started from, if any: its candidates lead the board.</summary>
    public Workload? Focus { get; private set; }

    /// <summary>Rep email → proposed role, for the reps whose role would change.</summary>
    public IReadOnlyDictionary<string, string> Roles { get; private set; }

    public IReadOnlyList<ScenarioHire> Hires { get; private set; }

    /// <summary>Hand-off edge key (<see cref="HandOffEdge.Key"/>) → the point at which work changes hands, where it differs from the default.</summary>
    public IReadOnlyDictionary<string, string> HandOffs { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Raised on every change, so that two people editing one scenario cannot overwrite each other unseen.</summary>
    public int Version { get; private set; }

    public IsoWeek From => IsoWeek.FromMonday(PeriodStart);

    public IsoWeek To => IsoWeek.FromMonday(PeriodEnd);

    public ScenarioPlan Plan => new(Roles, Hires);

    public static Scenario Create(Organization organization, string name, IsoWeek from, IsoWeek to, DateOnly startMonth, Workload? focus, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (from > to)
        {
            throw new DomainRuleException($"The period must start before it ends; got {from} to {to}.");
        }
        if (focus is { } workload && !Templates.Allows(organization.Template, workload))
        {
            throw new DomainRuleException($"Workload '{workload}' is not part of the {organization.Template} template.");
        }
        var scenario = new Scenario
        {
            Organization = organization,
            OrganizationId = organization.Id,
            PeriodStart = from.Monday,
            PeriodEnd = to.Monday,
            Focus = focus,
            CreatedAt = now,
        };
        scenario.Describe(name, "");
        scenario.Replace(new Dictionary<string, string>(), [], new Dictionary<string, string>(), startMonth, now);
        scenario.Version = 1;
        return scenario;
    }

    /// <summary>A copy under a new name, to try a variant next to the original.</summary>
    public Scenario Duplicate(string name, DateTimeOffset now)
    {
        var copy = Create(Organization, name, From, To, StartMonth, Focus, now);
        copy.Describe(name, Notes);
        copy.Replace(Roles, Hires, HandOffs, StartMonth, now);
        copy.Version = 1;
        return copy;
    }

    /// <summary>Names the scenario. Part of creating or saving it: <see cref="Replace"/>, which completes every save, raises the version once.</summary>
    public void Describe(string name, string? notes)
    {
        Name = Guard.Name(name, "Scenario name", MaxNameLength);
        var trimmed = notes?.Trim() ?? "";
        if (trimmed.Length > MaxNotesLength)
        {
            throw new DomainRuleException($"Notes must be at most {MaxNotesLength} characters (got {trimmed.Length}).");
        }
        Notes = trimmed;
    }

    /// <summary>Replaces the scenario's decisions as a whole (the board saves them together); roles are checked against the organisation's by the caller.</summary>
    public void Replace(
        IReadOnlyDictionary<string, string> roles,
        IReadOnlyList<ScenarioHire> hires,
        IReadOnlyDictionary<string, string> handOffs,
        DateOnly startMonth,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(hires);
        ArgumentNullException.ThrowIfNull(handOffs);
        if (roles.Count > MaxMoves)
        {
            throw new DomainRuleException($"At most {MaxMoves} reps can change role in one scenario; got {roles.Count}.");
        }
        if (roles.Any(r => string.IsNullOrWhiteSpace(r.Key) || string.IsNullOrWhiteSpace(r.Value)))
        {
            throw new DomainRuleException("Every moved rep needs an email and a role.");
        }
        if (hires.Count > MaxHireLines)
        {
            throw new DomainRuleException($"At most {MaxHireLines} lines of new people; got {hires.Count}.");
        }
        foreach (var hire in hires)
        {
            if (string.IsNullOrWhiteSpace(hire.Role))
            {
                throw new DomainRuleException("Every line of new people needs a role.");
            }
            if (hire.Count is < 1 or > MaxHireCount)
            {
                throw new DomainRuleException($"A line of new people adds 1 to {MaxHireCount}; got {hire.Count}.");
            }
            if (hire.StartMonth is < 0 or >= ScenarioModel.Months)
            {
                throw new DomainRuleException($"New people start in month 1 to {ScenarioModel.Months} of the plan.");
            }
        }
        var edges = HandOffEdge.Of(Organization.Template).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, label) in handOffs)
        {
            if (!edges.Contains(key))
            {
                throw new DomainRuleException($"'{key}' is not a hand-off of the {Organization.Template} template.");
            }
            if (label.Trim().Length is 0 or > HandOffEdge.MaxLabelLength)
            {
                throw new DomainRuleException($"A hand-off point is 1 to {HandOffEdge.MaxLabelLength} characters.");
            }
        }
        Roles = roles.ToDictionary(r => r.Key.Trim(), r => r.Value.Trim(), StringComparer.OrdinalIgnoreCase);
        Hires = hires.Select(h => h with { Role = h.Role.Trim() }).ToList();
        HandOffs = handOffs.ToDictionary(h => h.Key, h => h.Value.Trim(), StringComparer.Ordinal);
        StartMonth = new DateOnly(startMonth.Year, startMonth.Month, 1);
        UpdatedAt = now;
        Version++;
    }

    /// <summary>The label of a hand-off in this scenario: its own, or the default.</summary>
    public string HandOffLabel(HandOffEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return HandOffs.TryGetValue(edge.Key, out var label) ? label : edge.DefaultLabel;
    }
}
