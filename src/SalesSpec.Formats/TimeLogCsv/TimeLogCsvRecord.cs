using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Formats.TimeLogCsv;

/// <summary>One exported line: a rep's hours on one activity in one week, with what it takes to re-create the rep.</summary>
public sealed record TimeLogCsvRecord(
    IsoWeek Week, string Email, string Name, string? Team, string Role, string Activity, SalesFunction Function, decimal Hours);
