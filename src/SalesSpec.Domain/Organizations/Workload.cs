namespace SalesSpec.Domain.Organizations;

/// <summary>A named set of selling functions; which ones exist depends on the organisation's template.</summary>
public enum Workload
{
    InboundQualification,
    OutboundProspecting,
    Closing,
    PostSales,
    DemandGeneration,
}
