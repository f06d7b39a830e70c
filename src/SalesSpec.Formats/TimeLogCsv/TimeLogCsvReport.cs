namespace SalesSpec.Formats.TimeLogCsv;

/// <summary>What reading a file found. The file is good only when <see cref="Problems"/> is empty.</summary>
public sealed record TimeLogCsvReport(
    int DataLines,
    IReadOnlyList<CsvProblem> Problems,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyDictionary<string, CsvRep> Reps)
{
    public bool IsValid => ProblemCount == 0;

    /// <summary>Every problem found; <see cref="Problems"/> keeps the first <see cref="TimeLogCsvOptions.MaxProblems"/>.</summary>
    public int ProblemCount { get; init; }
}
