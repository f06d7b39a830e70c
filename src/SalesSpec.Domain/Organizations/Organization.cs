using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Organizations;

/// <summary>A client sales organisation: its settings and the small catalogues (teams, roles, activities) it owns.</summary>
public sealed class Organization : IVersioned
{
    public const decimal DefaultThreshold = 0.20m;
    public const decimal DefaultStandardWeeklyHours = 40m;
    public const string DefaultTimeZone = "UTC";
    public const string DefaultCurrency = "USD";

    private readonly List<Team> _teams = [];
    private readonly List<Role> _roles = [];
    private readonly List<Activity> _activities = [];

    private Organization()
    {
        Name = "";
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public OrganizationTemplate Template { get; private set; }

    /// <summary>The 80/20 line as a fraction: a function above it gets its own role.</summary>
    public decimal Threshold { get; private set; } = DefaultThreshold;

    public decimal StandardWeeklyHours { get; private set; } = DefaultStandardWeeklyHours;

    /// <summary>Used when no monthly lead counts are recorded for a period.</summary>
    public int? InboundLeadsPerMonth { get; private set; }

    /// <summary>One- or two-call close: specialisation may not pay (seed 001).</summary>
    public bool HasSimpleSalesProcess { get; private set; }

    /// <summary>The segment already succeeds with generalists (seed 001).</summary>
    public bool SucceedsWithGeneralists { get; private set; }

    /// <summary>Published rules of thumb (TOPO, Bridge Group, HBR, the client's articles) beside the organisation's own figures.</summary>
    public bool ShowsReferenceFigures { get; private set; } = true;

    /// <summary>IANA time zone: decides the local day of timestamps that arrive in UTC and which week is "this week".</summary>
    public string TimeZone { get; private set; } = DefaultTimeZone;

    /// <summary>ISO 4217 code that role costs are entered and shown in.</summary>
    public string Currency { get; private set; } = DefaultCurrency;

    /// <summary>Archived organisations are read-only and hidden from pickers; their data stays.</summary>
    public bool IsArchived { get; private set; }

    /// <summary>Raised on every saved change, so a save based on an older version is refused.</summary>
    public int Version { get; private set; } = 1;

    public IReadOnlyCollection<Team> Teams => _teams;

    public IReadOnlyCollection<Role> Roles => _roles;

    public IReadOnlyCollection<Activity> Activities => _activities;

    /// <summary>A new organisation with the default roles and activity catalogue of its template.</summary>
    public static Organization Create(string name, OrganizationTemplate template = OrganizationTemplate.FourRoles)
    {
        if (!Enum.IsDefined(template))
        {
            throw new DomainRuleException($"Unknown template '{template}'.");
        }
        var organization = new Organization { Name = Guard.Name(name, "Organisation name"), Template = template };
        foreach (var role in Templates.DefaultRoles(template))
        {
            organization.AddRole(role.Name, role.CoreWorkload, role.IsAnalysed, role.AnnualLoadedCost, role.RampMonths);
        }
        foreach (var activity in Templates.DefaultActivities)
        {
            organization.AddActivity(activity.Name, activity.Function);
        }
        foreach (var function in Enum.GetValues<SalesFunction>())
        {
            var catchAll = new Activity(organization, Templates.CatchAllName(function), function, isCatchAll: true);
            catchAll.MoveTo(organization._activities.Count);
            organization._activities.Add(catchAll);
        }
        return organization;
    }

    public void Rename(string name) => Name = Guard.Name(name, "Organisation name");

    /// <summary>Where the organisation's day starts and which currency its costs are in.</summary>
    public void ChangeLocale(string timeZone, string currency)
    {
        TimeZone = Guard.Name(timeZone, "Time zone", 64);
        var code = Guard.Name(currency, "Currency", 3).ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            throw new DomainRuleException($"A currency is a three-letter code such as USD or EUR; got '{currency}'.");
        }
        Currency = code;
    }

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;

    public void ShowReferenceFigures(bool show) => ShowsReferenceFigures = show;

    public void ChangeSettings(
        decimal threshold,
        decimal standardWeeklyHours,
        int? inboundLeadsPerMonth,
        bool hasSimpleSalesProcess,
        bool succeedsWithGeneralists)
    {
        if (threshold is <= 0m or >= 1m)
        {
            throw new DomainRuleException($"The threshold is a fraction between 0 and 1 (e.g. 0.20 for 20 %); got {threshold}.");
        }
        if (standardWeeklyHours is <= 0m or > 100m)
        {
            throw new DomainRuleException($"Standard weekly hours must be more than 0 and at most 100; got {standardWeeklyHours}.");
        }
        if (inboundLeadsPerMonth < 0)
        {
            throw new DomainRuleException($"Inbound leads per month cannot be negative; got {inboundLeadsPerMonth}.");
        }
        Threshold = threshold;
        StandardWeeklyHours = standardWeeklyHours;
        InboundLeadsPerMonth = inboundLeadsPerMonth;
        HasSimpleSalesProcess = hasSimpleSalesProcess;
        SucceedsWithGeneralists = succeedsWithGeneralists;
    }

    public Team AddTeam(string name)
    {
        var team = new Team(this, name);
        EnsureUnique(_teams.Select(t => t.Name), team.Name, "team");
        _teams.Add(team);
        return team;
    }

    public Role AddRole(string name, Workload coreWorkload, bool isAnalysed = true, decimal? annualLoadedCost = null, int rampMonths = Role.DefaultRampMonths)
    {
        if (!Templates.Allows(Template, coreWorkload))
        {
            throw new DomainRuleException(
                $"Workload '{coreWorkload}' is not part of the {Template} template; use one of {string.Join(", ", Templates.WorkloadsOf(Template))}.");
        }
        var role = new Role(this, name, coreWorkload, isAnalysed, annualLoadedCost, rampMonths);
        EnsureUnique(_roles.Select(r => r.Name), role.Name, "role");
        _roles.Add(role);
        return role;
    }

    public Activity AddActivity(string name, SalesFunction function)
    {
        var activity = new Activity(this, name, function, isCatchAll: false);
        EnsureUnique(_activities.Select(a => a.Name), activity.Name, "activity");
        activity.MoveTo(_activities.Count == 0 ? 0 : _activities.Max(a => a.SortOrder) + 1);
        _activities.Add(activity);
        return activity;
    }

    /// <summary>Renames an activity of this organisation; names stay unique, ignoring case.</summary>
    public void RenameActivity(Activity activity, string name)
    {
        var own = Own(activity);
        own.EnsureRenamable();
        var trimmed = Guard.Name(name, "Activity name", Activity.MaxNameLength);
        EnsureUnique(_activities.Where(a => a != own).Select(a => a.Name), trimmed, "activity");
        own.Rename(trimmed);
    }

    /// <summary>
    /// Puts an activity at a position of the catalogue (0 is first; beyond the end is last) and numbers the
    /// catalogue 0, 1, 2… again. Only activities whose position changes are touched.
    /// </summary>
    public void MoveActivity(Activity activity, int position)
    {
        var own = Own(activity);
        var ordered = InCatalogueOrder().Where(a => a != own).ToList();
        ordered.Insert(Math.Clamp(position, 0, ordered.Count), own);
        Renumber(ordered);
    }

    /// <summary>The catalogue as reps see it: by position, then by age.</summary>
    public IReadOnlyList<Activity> InCatalogueOrder() => _activities.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToList();

    /// <summary>
    /// Counts an activity's hours under another function from <paramref name="fromWeek"/> on: the activity is
    /// archived and a successor with the new function takes its place right after it. Each activity keeps exactly
    /// one function, so past weeks still count where they did; moving the hours from that week on is the caller's.
    /// </summary>
    public Activity ReplaceActivity(Activity activity, SalesFunction function, IsoWeek fromWeek, string? successorName = null)
    {
        var old = Own(activity);
        if (!Enum.IsDefined(function))
        {
            throw new DomainRuleException($"Unknown function '{function}'.");
        }
        if (old.IsCatchAll)
        {
            throw new DomainRuleException($"'{old.Name}' belongs to its function for good.");
        }
        if (old.IsArchived)
        {
            throw new DomainRuleException($"'{old.Name}' is archived; restore it before changing its function.");
        }
        if (function == old.Function)
        {
            throw new DomainRuleException($"'{old.Name}' already counts for {Labels.Of(function).ToLowerInvariant()}.");
        }
        var name = string.IsNullOrWhiteSpace(successorName) ? SuccessorName(old.Name, fromWeek) : successorName.Trim();
        var successor = new Activity(this, name, function, isCatchAll: false);
        EnsureUnique(_activities.Select(a => a.Name), successor.Name, "activity");
        old.Archive();
        var ordered = InCatalogueOrder().ToList();
        ordered.Insert(ordered.IndexOf(old) + 1, successor);
        _activities.Add(successor);
        Renumber(ordered);
        return successor;
    }

    /// <summary>"Demos (from 2026-W49)", the old name cut short if the whole would be too long.</summary>
    public static string SuccessorName(string name, IsoWeek fromWeek)
    {
        ArgumentNullException.ThrowIfNull(name);
        var suffix = $" (from {fromWeek})";
        var room = Activity.MaxNameLength - suffix.Length;
        return (name.Length > room ? name[..room].TrimEnd() : name) + suffix;
    }

    private Activity Own(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return _activities.Contains(activity)
            ? activity
            : throw new DomainRuleException($"Activity '{activity.Name}' belongs to another organisation.");
    }

    private static void Renumber(List<Activity> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].SortOrder != i)
            {
                ordered[i].MoveTo(i);
            }
        }
    }

    private static void EnsureUnique(IEnumerable<string> existing, string name, string what)
    {
        if (existing.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            var article = "aeiou".Contains(what[0], StringComparison.Ordinal) ? "an" : "a";
            throw new DomainRuleException($"There is already {article} {what} named '{name}'.");
        }
    }
}
