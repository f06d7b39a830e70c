using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Formats.TimeLogCsv;

/// <summary>A good data line of a time-log CSV. <see cref="Activity"/> is the catalogue's spelling, or the function's catch-all.</summary>
public sealed record TimeLogCsvRow(int Line, IsoWeek Week, string Email, string Activity, SalesFunction Function, decimal Hours);
