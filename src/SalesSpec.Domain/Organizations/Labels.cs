namespace SalesSpec.Domain.Organizations;

/// <summary>Plain-language names for functions and workloads, as a sales VP would say them.</summary>
public static class Labels
{
    public static string Of(SalesFunction function) => function switch
    {
        SalesFunction.InboundQualification => "Inbound qualification",
        SalesFunction.OutboundProspecting => "Outbound prospecting",
        SalesFunction.Closing => "Closing",
        SalesFunction.PostSales => "Post-sales",
        SalesFunction.NonSelling => "Non-selling",
        _ => function.ToString(),
    };

    public static string Of(Workload workload) => workload switch
    {
        Workload.InboundQualification => "Inbound qualification",
        Workload.OutboundProspecting => "Outbound prospecting",
        Workload.Closing => "Closing",
        Workload.PostSales => "Post-sales",
        Workload.DemandGeneration => "Demand generation",
        _ => workload.ToString(),
    };

    public static string Of(Analysis.Focus focus) => focus switch
    {
        Analysis.Focus.Focused => "Focused",
        Analysis.Focus.Watch => "To watch",
        Analysis.Focus.Unfocused => "Unfocused",
        _ => focus.ToString(),
    };

    public static string Of(OrganizationTemplate template) => template switch
    {
        OrganizationTemplate.FourRoles => "Four roles",
        OrganizationTemplate.ThreeWorkloads => "Three workloads",
        _ => template.ToString(),
    };

    /// <summary>
    /// An activity's name as people read it: the catch-alls' stored names ("Other – InboundQualification", which
    /// files use) become "Other – Inbound qualification". Other names are shown as stored.
    /// </summary>
    public static string OfActivity(string name)
    {
        foreach (var function in Enum.GetValues<SalesFunction>())
        {
            if (string.Equals(name, Templates.CatchAllName(function), StringComparison.Ordinal))
            {
                return $"Other – {Of(function)}";
            }
        }
        return name;
    }
}
