namespace SalesSpec.Formats.CrmCsv;

/// <summary>What one file was taken for and how many data lines it had; a note when it was read in an unusual way (its encoding).</summary>
public sealed record CrmFileSummary(string Name, CrmFileKind Kind, int Lines)
{
    public string? Note { get; init; }
}
