using SalesSpec.Domain.TimeLogs;
using SalesSpec.Domain.Timesheets;

namespace SalesSpec.Web.Features.Demo;

/// <summary>
/// "Northwind Cloud": a lumped sales team of the kind the seeds describe. Full-cycle reps and account
/// executives spend about a quarter of their week qualifying inbound leads, nobody prospects, and
/// 300+ web leads arrive a month — so the analyzer has something to say. Same hours for the same day.
/// </summary>
public static class DemoOrganization
{
    public const string Name = "Northwind Cloud";
    public const string EmailDomain = "northwind.test";
    public const int Weeks = 12;
    private const int Seed = 20_261_123;
    private static readonly string[] TeamNames = ["Enterprise", "Mid-Market", "Commercial"];

    // Shares of a week: inbound, outbound, closing, post-sales, non-selling.
    private static readonly decimal[] InboundHeavy = [0.36m, 0.07m, 0.26m, 0.11m, 0.20m];
    private static readonly decimal[] Balanced = [0.29m, 0.09m, 0.32m, 0.12m, 0.18m];
    private static readonly decimal[] CloserLeaning = [0.22m, 0.05m, 0.47m, 0.08m, 0.18m];
    private static readonly decimal[] FocusedCloser = [0.07m, 0.02m, 0.66m, 0.05m, 0.20m];
    private static readonly decimal[] Executive = [0.11m, 0.02m, 0.63m, 0.05m, 0.19m];
    private static readonly decimal[] AccountManagement = [0.02m, 0.00m, 0.07m, 0.73m, 0.18m];
    private static readonly decimal[] Management = [0.05m, 0.00m, 0.25m, 0.05m, 0.65m];

    private static readonly (string Name, string Team, string Role, decimal[] Profile, int[] MissingWeeks)[] People =
    [
        ("Morgan Blake", "Enterprise", Templates.NotAnalysedRoleName, Management, []),
        ("Ana Ruiz", "Enterprise", "Account Executive", Executive, []),
        ("Ben Carter", "Enterprise", "Account Executive", Executive, []),
        ("Chloe Diaz", "Enterprise", "Full-Cycle Rep", CloserLeaning, []),
        ("Daniel Evans", "Enterprise", "Full-Cycle Rep", FocusedCloser, []),
        ("Emma Fischer", "Enterprise", "Full-Cycle Rep", Balanced, []),
        ("Felix Garcia", "Enterprise", "Account Manager", AccountManagement, []),
        ("Grace Hall", "Mid-Market", "Account Executive", Executive, []),
        ("Hugo Ito", "Mid-Market", "Full-Cycle Rep", Balanced, []),
        ("Isla Jensen", "Mid-Market", "Full-Cycle Rep", CloserLeaning, []),
        ("Jonas Kim", "Mid-Market", "Full-Cycle Rep", Balanced, []),
        ("Kara Lopez", "Mid-Market", "Full-Cycle Rep", InboundHeavy, []),
        ("Liam Moreau", "Mid-Market", "Full-Cycle Rep", Balanced, []),
        ("Maya Novak", "Mid-Market", "Full-Cycle Rep", CloserLeaning, []),
        ("Noah Okafor", "Commercial", "Full-Cycle Rep", InboundHeavy, [Weeks - 1]),
        ("Olivia Patel", "Commercial", "Full-Cycle Rep", InboundHeavy, []),
        ("Pablo Quinn", "Commercial", "Full-Cycle Rep", Balanced, []),
        ("Rosa Silva", "Commercial", "Full-Cycle Rep", InboundHeavy, []),
        ("Sam Tanaka", "Commercial", "Full-Cycle Rep", Balanced, []),
        ("Tara Usman", "Commercial", "Full-Cycle Rep", InboundHeavy, [6]),
    ];

    // How a function's hours spread over its default activities.
    private static readonly Dictionary<string, decimal> ActivityWeights = new()
    {
        ["Qualify inbound leads"] = 0.65m,
        ["Respond to web inquiries"] = 0.35m,
        ["Cold calls"] = 0.45m,
        ["Outbound email sequences"] = 0.35m,
        ["Account research"] = 0.20m,
        ["Discovery calls"] = 0.30m,
        ["Demos"] = 0.40m,
        ["Proposals and negotiation"] = 0.30m,
        ["Onboarding"] = 0.25m,
        ["Account reviews"] = 0.20m,
        ["Renewals"] = 0.25m,
        ["Upsell and cross-sell"] = 0.15m,
        ["Support escalations"] = 0.15m,
        ["CRM and admin"] = 0.40m,
        ["Internal meetings"] = 0.30m,
        ["Training"] = 0.10m,
        ["Travel"] = 0.15m,
        ["Marketing events"] = 0.05m,
    };

    /// <summary>The demo organisation with twelve weeks of logs ending with the last complete week before <paramref name="today"/>.</summary>
    public static DemoData Build(DateOnly today)
    {
        var random = new Random(Seed);
        var organization = Organization.Create(Name);
        organization.ChangeSettings(Organization.DefaultThreshold, Organization.DefaultStandardWeeklyHours, 320, false, false);
        var teams = TeamNames.ToDictionary(n => n, organization.AddTeam);
        var roles = organization.Roles.ToDictionary(r => r.Name);
        var activities = organization.Activities.Where(a => !a.IsCatchAll).ToList();

        var lastWeek = IsoWeek.Containing(today).AddWeeks(-1);
        var firstWeek = lastWeek.AddWeeks(-(Weeks - 1));
        var reps = new List<Rep>();
        var logs = new List<TimeLog>();
        var sheets = new List<Timesheet>();
        foreach (var person in People)
        {
            var email = $"{person.Name.Split(' ')[0].ToLowerInvariant()}.{person.Name.Split(' ')[1].ToLowerInvariant()}@{EmailDomain}";
            var rep = Rep.Create(person.Name, email, roles[person.Role], teams[person.Team]);
            reps.Add(rep);
            var usualHours = 42 + random.Next(0, 7);
            for (var w = 0; w < Weeks; w++)
            {
                var weekHours = usualHours * (0.9m + (decimal)random.NextDouble() * 0.2m);
                var shares = Jitter(person.Profile, random);
                if (!person.MissingWeeks.Contains(w))
                {
                    logs.AddRange(Week(rep, activities, firstWeek.AddWeeks(w), weekHours, shares));
                    sheets.Add(Reviewed(rep, firstWeek.AddWeeks(w), lastWeek, person.Team));
                }
            }
        }

        var leadCounts = new List<MonthlyLeadCount>();
        for (var month = new DateOnly(firstWeek.Monday.Year, firstWeek.Monday.Month, 1); month <= lastWeek.Sunday; month = month.AddMonths(1))
        {
            leadCounts.Add(MonthlyLeadCount.Create(organization, month.Year, month.Month, 280 + random.Next(0, 80)));
        }
        return new DemoData(organization, reps, logs, leadCounts, firstWeek, lastWeek) { Timesheets = sheets };
    }

    public static async Task<DemoData> SeedAsync(SalesSpecDbContext db, DemoData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(data);
        db.Organizations.Add(data.Organization);
        db.Reps.AddRange(data.Reps);
        db.TimeLogs.AddRange(data.TimeLogs);
        db.MonthlyLeadCounts.AddRange(data.LeadCounts);
        db.Timesheets.AddRange(data.Timesheets);
        await db.SaveChangesAsync(cancellationToken);
        return data;
    }

    /// <summary>
    /// "Contoso Analytics": a second, smaller client (three-workload template, six weeks) that only the
    /// demo consultant may see — the organisation that must stay invisible to Northwind's people.
    /// </summary>
    public static DemoData BuildContoso(DateOnly today)
    {
        var random = new Random(Seed + 1);
        var organization = Organization.Create("Contoso Analytics", OrganizationTemplate.ThreeWorkloads);
        organization.ChangeSettings(Organization.DefaultThreshold, Organization.DefaultStandardWeeklyHours, 120, false, false);
        var team = organization.AddTeam("Direct");
        var roles = organization.Roles.ToDictionary(r => r.Name);
        var activities = organization.Activities.Where(a => !a.IsCatchAll).ToList();
        var lastWeek = IsoWeek.Containing(today).AddWeeks(-1);
        var firstWeek = lastWeek.AddWeeks(-5);
        (string Name, string Role, decimal[] Profile)[] people =
        [
            ("Priya Shah", "Account Executive", Executive),
            ("Tom Becker", "Full-Cycle Rep", Balanced),
            ("Lena Vogt", "Full-Cycle Rep", CloserLeaning),
            ("Omar Haddad", "Demand Generation Rep", [0.35m, 0.40m, 0.05m, 0.02m, 0.18m]),
            ("Ines Duarte", "Account Manager", AccountManagement),
        ];
        var reps = new List<Rep>();
        var logs = new List<TimeLog>();
        foreach (var (name, role, profile) in people)
        {
            var parts = name.ToLowerInvariant().Split(' ');
            var rep = Rep.Create(name, $"{parts[0]}.{parts[1]}@contoso.test", roles[role], team);
            reps.Add(rep);
            for (var w = 0; w < 6; w++)
            {
                var weekHours = 40m * (0.9m + (decimal)random.NextDouble() * 0.2m);
                logs.AddRange(Week(rep, activities, firstWeek.AddWeeks(w), weekHours, Jitter(profile, random)));
            }
        }
        return new DemoData(organization, reps, logs, [], firstWeek, lastWeek);
    }

    /// <summary>
    /// Earlier weeks are approved; last week is submitted and waits for review — except the demo rep's,
    /// which is still a draft, so there is someone to remind.
    /// </summary>
    private static Timesheet Reviewed(Rep rep, IsoWeek week, IsoWeek lastWeek, string team)
    {
        var submitted = new DateTimeOffset(week.Sunday.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
        var sheet = Timesheet.Start(rep, week, submitted.AddHours(-1));
        if (week == lastWeek && rep.Email == DemoAccounts.RepEmail)
        {
            return sheet;
        }
        sheet.Submit(submitted);
        if (week < lastWeek)
        {
            sheet.Approve(team == DemoAccounts.ManagedTeam ? "Mia Manager" : "Lee Leader", submitted.AddHours(16));
        }
        return sheet;
    }

    /// <summary>One week of a rep's logs: the week's hours spread by function shares, then over each function's activities.</summary>
    private static IEnumerable<TimeLog> Week(Rep rep, IReadOnlyList<Activity> activities, IsoWeek week, decimal weekHours, decimal[] shares) =>
        activities
            .Select(a => (Activity: a, Hours: QuarterHours(weekHours * shares[(int)a.Function] * ActivityWeights[a.Name])))
            .Where(x => x.Hours > 0)
            .Select(x => TimeLog.Create(rep, x.Activity, week, x.Hours));

    private static decimal[] Jitter(decimal[] profile, Random random)
    {
        var jittered = profile.Select(p => p * (0.85m + (decimal)random.NextDouble() * 0.3m)).ToArray();
        var total = jittered.Sum();
        return jittered.Select(j => j / total).ToArray();
    }

    private static decimal QuarterHours(decimal hours) => Math.Round(hours * 4, MidpointRounding.AwayFromZero) / 4;
}

public sealed record DemoData(
    Organization Organization,
    IReadOnlyList<Rep> Reps,
    IReadOnlyList<TimeLog> TimeLogs,
    IReadOnlyList<MonthlyLeadCount> LeadCounts,
    IsoWeek FirstWeek,
    IsoWeek LastWeek)
{
    public IReadOnlyList<Timesheet> Timesheets { get; init; } = [];
}
