namespace SalesSpec.Domain.Organizations;

public enum OrganizationTemplate
{
    /// <summary>Four workloads, one per selling function (seeds 000, 001, 003).</summary>
    FourRoles,

    /// <summary>Demand generation (inbound + outbound), closing, post-sales (seed 004).</summary>
    ThreeWorkloads,
}
