namespace SalesSpec.Web.Components.Shared;

/// <summary>
/// One colour per sales function, the same on every page and chart, so a VP learns them once. Each reads as text
/// on white and on the page background at WCAG AA (4.5:1), since the week grid and the catalogue write labels in them.
/// </summary>
public static class FunctionColors
{
    public static string Of(SalesFunction function) => function switch
    {
        SalesFunction.InboundQualification => "#1565c0",
        SalesFunction.OutboundProspecting => "#8e24aa",
        SalesFunction.Closing => "#2e7d32",
        SalesFunction.PostSales => "#c2410c",
        _ => "#546e7a",
    };

    public static string Of(Workload workload) => workload switch
    {
        Workload.InboundQualification => Of(SalesFunction.InboundQualification),
        Workload.OutboundProspecting => Of(SalesFunction.OutboundProspecting),
        Workload.Closing => Of(SalesFunction.Closing),
        Workload.PostSales => Of(SalesFunction.PostSales),
        _ => "#00796b",
    };

    public static string NonSelling => Of(SalesFunction.NonSelling);

    /// <summary>A rep's core job, in focus charts: not a function colour, since the core differs per rep.</summary>
    public const string CoreJob = "#3949ab";

    /// <summary>Selling outside the rep's core job: the time the 80/20 rule is about.</summary>
    public const string OutsideCoreJob = "#d81b60";

    /// <summary>
    /// The function's colour for text: a CSS variable (app.css) that is the colour above in the light theme and a
    /// lighter tone of it in the dark one, where the light theme's colours read at about 2:1 on the dark cards.
    /// Charts and bars keep <see cref="Of(SalesFunction)"/>: no text is written on them.
    /// </summary>
    public static string TextOf(SalesFunction function) => function switch
    {
        SalesFunction.InboundQualification => "var(--function-inbound)",
        SalesFunction.OutboundProspecting => "var(--function-outbound)",
        SalesFunction.Closing => "var(--function-closing)",
        SalesFunction.PostSales => "var(--function-post-sales)",
        _ => "var(--function-non-selling)",
    };

    public static string TextOf(Workload workload) => workload switch
    {
        Workload.InboundQualification => TextOf(SalesFunction.InboundQualification),
        Workload.OutboundProspecting => TextOf(SalesFunction.OutboundProspecting),
        Workload.Closing => TextOf(SalesFunction.Closing),
        Workload.PostSales => TextOf(SalesFunction.PostSales),
        _ => "var(--function-other)",
    };

    public const string CoreJobText = "var(--function-core-job)";

    public const string OutsideCoreJobText = "var(--function-outside-core-job)";
}
