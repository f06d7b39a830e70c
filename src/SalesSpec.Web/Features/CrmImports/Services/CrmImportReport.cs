using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>
/// What a CRM import read and derived (formats.md §2), and what it wrote or would write as time logs
/// (<see cref="Import"/>: the same report as a time-log CSV import). Nothing is written when
/// <see cref="TimeLogImportReport.ErrorCount"/> is above 0, or for a dry run.
/// </summary>
public sealed record CrmImportReport
{
    public required TimeLogImportReport Import { get; init; }

    public IReadOnlyList<CrmFileSummary> Files { get; init; } = [];

    /// <summary>Owners nothing resolved, with their record counts: the consultant maps each to a rep (<see cref="CrmImportChoices.OwnerMap"/>).</summary>
    public IReadOnlyList<CrmOwnerCount> UnmatchedOwners { get; init; } = [];

    /// <summary>Integration, automation and other non-person users whose records were skipped.</summary>
    public IReadOnlyList<CrmOwnerCount> SystemUsers { get; init; } = [];

    /// <summary>Users the CRM marks inactive who still own records of the period; they are imported.</summary>
    public IReadOnlyList<CrmOwnerCount> InactiveOwners { get; init; } = [];

    /// <summary>Records counted in a way worth a word: events longer than a day.</summary>
    public IReadOnlyList<CrmNote> Notes { get; init; } = [];

    public int RecordsRead { get; init; }

    public int RecordsMatched { get; init; }

    /// <summary>Records that brought no hours, by reason (unmatched by any rule among them).</summary>
    public IReadOnlyDictionary<CrmSkipReason, int> Skipped { get; init; } = new Dictionary<CrmSkipReason, int>();

    public int SkippedCount => Skipped.Values.Sum();

    /// <summary>The first few skipped records of each reason.</summary>
    public IReadOnlyList<CrmSkip> SkippedSample { get; init; } = [];

    public IReadOnlyList<CrmRuleUse> Rules { get; init; } = [];

    public IReadOnlyList<CrmRepHours> Reps { get; init; } = [];

    /// <summary>Every derived (rep, week, activity) row.</summary>
    public IReadOnlyList<CrmWeekRow> WeeklyHours { get; init; } = [];

    public static CrmImportReport Failed(IReadOnlyList<string> problems, bool dryRun) => new()
    {
        Import = TimeLogImportReport.Failed(problems[0], dryRun) with
        {
            Errors = problems.Select(p => new ImportError(0, "", p)).ToList(),
            ErrorCount = problems.Count,
        },
    };
}
