namespace SalesSpec.Formats.CrmCsv;

/// <summary>What reading the export files found. The export is usable only when <see cref="ProblemCount"/> is 0.</summary>
public sealed record CrmExportReport(IReadOnlyList<CrmFileSummary> Files, IReadOnlyList<CrmProblem> Problems, int ProblemCount)
{
    public bool IsValid => ProblemCount == 0;
}
