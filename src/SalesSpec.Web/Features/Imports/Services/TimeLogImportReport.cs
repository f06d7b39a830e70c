namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>
/// What an import read, and wrote or would write (formats.md §1). Nothing is written when
/// <see cref="Errors"/> has any entry, or for a dry run.
/// </summary>
public sealed record TimeLogImportReport
{
    /// <summary>True when the time logs were written; false for a dry run or a file with errors.</summary>
    public bool Imported { get; init; }

    /// <summary>Another import or a save of the same reps' weeks held them too long: nothing was written; try again (HTTP 409).</summary>
    public bool Conflict { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Data lines read (the header not counted).</summary>
    public int RowsRead { get; init; }

    public int RepsCreated { get; init; }

    public int TeamsCreated { get; init; }

    /// <summary>(rep, week) pairs the file replaces: everything logged for them before is replaced by the file.</summary>
    public int WeeksReplaced { get; init; }

    /// <summary>Of <see cref="WeeksReplaced"/>, those that had time logged before the import.</summary>
    public int WeeksWithEarlierData { get; init; }

    public decimal HoursImported { get; init; }

    public string? FirstWeek { get; init; }

    public string? LastWeek { get; init; }

    /// <summary>Distinct ISO weeks in the file.</summary>
    public int Weeks { get; init; }

    public IReadOnlyDictionary<SalesFunction, decimal> HoursByFunction { get; init; } = new Dictionary<SalesFunction, decimal>();

    public IReadOnlyList<ImportedRep> NewReps { get; init; } = [];

    public IReadOnlyList<string> NewTeams { get; init; } = [];

    /// <summary>The first good lines, as read.</summary>
    public IReadOnlyList<ImportSampleRow> Sample { get; init; } = [];

    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    /// <summary>Every problem, up to the first 1,000 (by line); <see cref="ErrorCount"/> counts them all.</summary>
    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    public int ErrorCount { get; init; }

    public static TimeLogImportReport Failed(string message, bool dryRun) =>
        new() { DryRun = dryRun, Errors = [new ImportError(0, "", message)], ErrorCount = 1 };
}
