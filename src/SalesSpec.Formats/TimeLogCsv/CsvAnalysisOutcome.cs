using SalesSpec.Domain.Analysis;

namespace SalesSpec.Formats.TimeLogCsv;

/// <summary>Either an analysis, or the file's problems and/or the option errors that prevented one.</summary>
public sealed record CsvAnalysisOutcome(TimeLogCsvReport Report, IReadOnlyList<string> Errors, AnalysisResult? Result);
