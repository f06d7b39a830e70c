using SalesSpec.Formats.TimeLogCsv;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>What a source of time logs found while it filled the staging table.</summary>
/// <param name="Reps">The reps it names; those new to the organisation are created on import.</param>
internal sealed record ImportRead(
    int RowsRead,
    IReadOnlyList<ImportError> Errors,
    int ErrorCount,
    IReadOnlyList<string> IgnoredColumns,
    IEnumerable<CsvRep> Reps,
    IReadOnlyList<ImportSampleRow> Sample);
