namespace SalesSpec.Domain.Organizations;

/// <summary>The four selling functions of the seeds, plus everything that is not selling.</summary>
public enum SalesFunction
{
    InboundQualification,
    OutboundProspecting,
    Closing,
    PostSales,
    NonSelling,
}
