namespace SalesSpec.Formats.TimeLogCsv;

/// <summary>What reading a file found. The file is good only when <see cref="Problems"/> is empty.</summary>
public sealed record TimeLogCsvReport(
    int DataLines,
    IReadOnlyList<CsvProblem> Problems,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyDictionary<string, CsvRep> Reps)
{
    public bool IsValid => Problems.Count == 0;
}
