using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Organizations;

/// <summary>How many inbound leads arrived in one calendar month (drives the Market Response Rep rule, seed 003).</summary>
public sealed class MonthlyLeadCount
{
    private MonthlyLeadCount()
    {
        Organization = null!;
    }

    public int Id { get; private set; }

    public int OrganizationId { get; private set; }

    public Organization Organization { get; private set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public int InboundLeads { get; private set; }

    public static MonthlyLeadCount Create(Organization organization, int year, int month, int inboundLeads)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (year is < 1900 or > 2999 || month is < 1 or > 12)
        {
            throw new DomainRuleException($"{year}-{month:D2} is not a valid month.");
        }
        var count = new MonthlyLeadCount
        {
            Organization = organization,
            OrganizationId = organization.Id,
            Month = new DateOnly(year, month, 1),
        };
        count.ChangeInboundLeads(inboundLeads);
        return count;
    }

    public void ChangeInboundLeads(int inboundLeads)
    {
        if (inboundLeads < 0)
        {
            throw new DomainRuleException($"Inbound leads cannot be negative; got {inboundLeads}.");
        }
        InboundLeads = inboundLeads;
    }
}
