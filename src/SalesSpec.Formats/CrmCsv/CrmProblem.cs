namespace SalesSpec.Formats.CrmCsv;

/// <summary>Something wrong in an export file: any one of them means nothing is imported.</summary>
public sealed record CrmProblem(string File, int Line, string Column, string Reason);
