namespace SalesSpec.Formats.CrmCsv;

/// <summary>What reading the export files found. The export is usable only when <see cref="ProblemCount"/> is 0.</summary>
public sealed record CrmExportReport(IReadOnlyList<CrmFileSummary> Files, IReadOnlyList<CrmProblem> Problems, int ProblemCount)
{
    public bool IsValid => ProblemCount == 0;

    /// <summary>Owners no users file, rep name or mapping resolved, most records first: the consultant maps each once.</summary>
    public IReadOnlyList<CrmOwnerCount> UnmatchedOwners { get; init; } = [];

    /// <summary>Integration, automation and other non-person users whose records were skipped.</summary>
    public IReadOnlyList<CrmOwnerCount> SystemUsers { get; init; } = [];

    /// <summary>Users marked inactive in the CRM who still own records of the period (they are imported).</summary>
    public IReadOnlyList<CrmOwnerCount> InactiveOwners { get; init; } = [];

    /// <summary>Records counted in a way worth a word (long events), the first few hundred.</summary>
    public IReadOnlyList<CrmNote> Notes { get; init; } = [];

    /// <summary>Records resolved to a rep, whatever their classification afterwards.</summary>
    public int RecordsResolved { get; init; }
}
