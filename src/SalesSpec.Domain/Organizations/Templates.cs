namespace SalesSpec.Domain.Organizations;

/// <summary>What each organisation template means: its workloads, their functions, and the roles and activities a new organisation starts with.</summary>
public static class Templates
{
    public const string NotAnalysedRoleName = "Sales Manager";

    public static IReadOnlyList<SalesFunction> SellingFunctions { get; } =
        [SalesFunction.InboundQualification, SalesFunction.OutboundProspecting, SalesFunction.Closing, SalesFunction.PostSales];

    public static IReadOnlyList<Workload> WorkloadsOf(OrganizationTemplate template) => template switch
    {
        OrganizationTemplate.FourRoles =>
            [Workload.InboundQualification, Workload.OutboundProspecting, Workload.Closing, Workload.PostSales],
        OrganizationTemplate.ThreeWorkloads => [Workload.DemandGeneration, Workload.Closing, Workload.PostSales],
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, null),
    };

    public static IReadOnlyList<SalesFunction> FunctionsOf(Workload workload) => workload switch
    {
        Workload.InboundQualification => [SalesFunction.InboundQualification],
        Workload.OutboundProspecting => [SalesFunction.OutboundProspecting],
        Workload.Closing => [SalesFunction.Closing],
        Workload.PostSales => [SalesFunction.PostSales],
        Workload.DemandGeneration => [SalesFunction.InboundQualification, SalesFunction.OutboundProspecting],
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, null),
    };

    public static bool Allows(OrganizationTemplate template, Workload workload) => WorkloadsOf(template).Contains(workload);

    /// <summary>The workload of <paramref name="template"/> that contains <paramref name="function"/>; null for non-selling time.</summary>
    public static Workload? WorkloadOf(OrganizationTemplate template, SalesFunction function) =>
        function == SalesFunction.NonSelling
            ? null
            : WorkloadsOf(template).First(w => FunctionsOf(w).Contains(function));

    public static IReadOnlyList<RoleDefinition> DefaultRoles(OrganizationTemplate template)
    {
        // Loaded costs are round placeholders for the organisation to replace with its own; ramps are the
        // Bridge Group's (AE about 5 months, SDR about 3).
        RoleDefinition[] common =
        [
            new("Account Executive", Workload.Closing, true, 150_000m, 5),
            new("Account Manager", Workload.PostSales, true, 110_000m, 3),
            new("Full-Cycle Rep", Workload.Closing, true, 130_000m, 5),
            new(NotAnalysedRoleName, Workload.Closing, false, 180_000m, 0),
        ];
        RoleDefinition[] specific = template switch
        {
            OrganizationTemplate.FourRoles =>
            [
                new("Market Response Rep", Workload.InboundQualification, true, 70_000m, 3),
                new("Sales Development Rep", Workload.OutboundProspecting, true, 75_000m, 3),
            ],
            OrganizationTemplate.ThreeWorkloads => [new("Demand Generation Rep", Workload.DemandGeneration, true, 75_000m, 3)],
            _ => throw new ArgumentOutOfRangeException(nameof(template), template, null),
        };
        return [.. specific, .. common];
    }

    public static IReadOnlyList<ActivityDefinition> DefaultActivities { get; } =
    [
        new("Qualify inbound leads", SalesFunction.InboundQualification),
        new("Respond to web inquiries", SalesFunction.InboundQualification),
        new("Cold calls", SalesFunction.OutboundProspecting),
        new("Outbound email sequences", SalesFunction.OutboundProspecting),
        new("Account research", SalesFunction.OutboundProspecting),
        new("Discovery calls", SalesFunction.Closing),
        new("Demos", SalesFunction.Closing),
        new("Proposals and negotiation", SalesFunction.Closing),
        new("Onboarding", SalesFunction.PostSales),
        new("Account reviews", SalesFunction.PostSales),
        new("Renewals", SalesFunction.PostSales),
        new("Upsell and cross-sell", SalesFunction.PostSales),
        new("Support escalations", SalesFunction.PostSales),
        new("CRM and admin", SalesFunction.NonSelling),
        new("Internal meetings", SalesFunction.NonSelling),
        new("Training", SalesFunction.NonSelling),
        new("Travel", SalesFunction.NonSelling),
        new("Marketing events", SalesFunction.NonSelling),
    ];

    /// <summary>Where time booked only by function goes (formats.md §1).</summary>
    public static string CatchAllName(SalesFunction function) => $"Other – {function}";
}

public sealed record RoleDefinition(string Name, Workload CoreWorkload, bool IsAnalysed, decimal AnnualLoadedCost, int RampMonths);

public sealed record ActivityDefinition(string Name, SalesFunction Function);
