using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Formats.TimeLogCsv;

/// <summary>The organisation settings a bare CSV file does not carry (formats.md §4 options).</summary>
public sealed record CsvAnalysisOptions
{
    public OrganizationTemplate Template { get; init; } = OrganizationTemplate.FourRoles;

    public decimal Threshold { get; init; } = Organization.DefaultThreshold;

    public decimal StandardWeeklyHours { get; init; } = Organization.DefaultStandardWeeklyHours;

    /// <summary>Null: the first week in the file.</summary>
    public IsoWeek? From { get; init; }

    /// <summary>Null: the last week in the file.</summary>
    public IsoWeek? To { get; init; }

    public string? Team { get; init; }

    public int? InboundLeadsPerMonth { get; init; }

    public bool HasSimpleSalesProcess { get; init; }
}
