using SalesSpec.Domain.Organizations;

namespace SalesSpec.Formats.TimeLogCsv;

public sealed record TimeLogCsvOptions
{
    /// <summary>The organisation's activity catalogue: name → function. Names match case-insensitively.</summary>
    public required IReadOnlyDictionary<string, SalesFunction> Activities { get; init; }

    /// <summary>Role names a file may use; null accepts any. Names match case-insensitively.</summary>
    public IReadOnlyCollection<string>? KnownRoles { get; init; }

    /// <summary>Most decimals an hours value may have; null for any. The database keeps 4.</summary>
    public int? MaxDecimals { get; init; } = Domain.TimeLogs.TimeLog.MaxDecimals;

    /// <summary>How many problems a report lists; the rest are only counted.</summary>
    public int MaxProblems { get; init; } = 1000;

    /// <summary>Every rep needs a role (true when the file alone defines the organisation, as for the command line).</summary>
    public bool RoleRequired { get; init; }

    /// <summary>The default catalogue of analyzer.md: the default activities and one catch-all per function.</summary>
    public static IReadOnlyDictionary<string, SalesFunction> DefaultActivities { get; } =
        Templates.DefaultActivities.Select(a => (a.Name, a.Function))
            .Concat(Enum.GetValues<SalesFunction>().Select(f => (Templates.CatchAllName(f), f)))
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.OrdinalIgnoreCase);

    /// <summary>How activity names are compared: ignoring case, and any dash counts as a hyphen ("Other - Closing").</summary>
    public static string ActivityKey(string name) =>
        name.Trim().Replace('\u2013', '-').Replace('\u2014', '-').ToUpperInvariant();
}
