namespace SalesSpec.Formats.CrmCsv;

/// <summary>What one file was taken for and how many data lines it had.</summary>
public sealed record CrmFileSummary(string Name, CrmFileKind Kind, int Lines);
