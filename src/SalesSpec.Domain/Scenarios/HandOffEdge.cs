using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Scenarios;

/// <summary>
/// One hand-off of the sales assembly line: from leads (null) or a workload to the next workload, with
/// the point at which the work changes hands ("sales-qualified lead"). Seeds 001 and 003: specialisation
/// works only with a predefined hand-off process.
/// </summary>
public sealed record HandOffEdge(Workload? From, Workload To, string DefaultLabel)
{
    public const int MaxLabelLength = 60;

    /// <summary>Stable name of the edge, under which a scenario keeps its label.</summary>
    public string Key => $"{(From is { } from ? from.ToString() : "Leads")}>{To}";

    /// <summary>The hand-offs of a template, in the order of the line.</summary>
    public static IReadOnlyList<HandOffEdge> Of(OrganizationTemplate template) => template switch
    {
        OrganizationTemplate.FourRoles =>
        [
            new(null, Workload.InboundQualification, "Inbound lead"),
            new(null, Workload.OutboundProspecting, "Target account"),
            new(Workload.InboundQualification, Workload.Closing, "Sales-qualified lead"),
            new(Workload.OutboundProspecting, Workload.Closing, "Qualified meeting booked"),
            new(Workload.Closing, Workload.PostSales, "Customer deployed"),
        ],
        OrganizationTemplate.ThreeWorkloads =>
        [
            new(null, Workload.DemandGeneration, "Inbound lead or target account"),
            new(Workload.DemandGeneration, Workload.Closing, "Sales-qualified lead"),
            new(Workload.Closing, Workload.PostSales, "Customer deployed"),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, null),
    };
}
