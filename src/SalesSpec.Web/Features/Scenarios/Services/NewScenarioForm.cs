namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>What a new scenario starts from: a name, the analysed period (ISO weeks, as typed) and optionally the recommendation's workload.</summary>
public sealed class NewScenarioForm
{
    public string Name { get; set; } = "";

    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public Workload? Focus { get; set; }
}
