using SalesSpec.Web.Features.Organizations.Services;

namespace SalesSpec.Web.Features.Organizations.Api;

/// <summary>A partial change over the API: the version read, and only the fields to change.</summary>
public sealed record OrganizationPatch(
    int? Version,
    string? Name = null,
    decimal? Threshold = null,
    decimal? StandardWeeklyHours = null,
    int? InboundLeadsPerMonth = null,
    bool ClearInboundLeadsPerMonth = false,
    bool? HasSimpleSalesProcess = null,
    bool? SucceedsWithGeneralists = null,
    string? TimeZone = null,
    string? Currency = null,
    bool? Archived = null,
    bool? ShowsReferenceFigures = null)
{
    public bool ChangesSettings =>
        Name is not null || Threshold is not null || StandardWeeklyHours is not null || InboundLeadsPerMonth is not null
        || ClearInboundLeadsPerMonth || HasSimpleSalesProcess is not null || SucceedsWithGeneralists is not null || ShowsReferenceFigures is not null
        || TimeZone is not null || Currency is not null;

    public OrganizationForm ApplyTo(OrganizationForm current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new OrganizationForm
        {
            Name = Name ?? current.Name,
            Template = current.Template,
            Threshold = Threshold ?? current.Threshold,
            StandardWeeklyHours = StandardWeeklyHours ?? current.StandardWeeklyHours,
            InboundLeadsPerMonth = ClearInboundLeadsPerMonth ? null : InboundLeadsPerMonth ?? current.InboundLeadsPerMonth,
            HasSimpleSalesProcess = HasSimpleSalesProcess ?? current.HasSimpleSalesProcess,
            SucceedsWithGeneralists = SucceedsWithGeneralists ?? current.SucceedsWithGeneralists,
            ShowsReferenceFigures = ShowsReferenceFigures ?? current.ShowsReferenceFigures,
            TimeZone = TimeZone ?? current.TimeZone,
            Currency = Currency ?? current.Currency,
            Version = Version ?? 0,
        };
    }
}
