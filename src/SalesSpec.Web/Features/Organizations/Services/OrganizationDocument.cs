namespace SalesSpec.Web.Features.Organizations.Services;

/// <summary>An organisation over the API: its settings, whether it is archived, and the version to send back with a change.</summary>
public sealed record OrganizationDocument(
    int Id,
    string Name,
    OrganizationTemplate Template,
    decimal Threshold,
    decimal StandardWeeklyHours,
    int? InboundLeadsPerMonth,
    bool HasSimpleSalesProcess,
    bool SucceedsWithGeneralists,
    string TimeZone,
    string Currency,
    bool Archived,
    int Version,
    bool ShowsReferenceFigures)
{
    public static OrganizationDocument Of(int id, OrganizationForm settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(id, settings.Name, settings.Template, settings.Threshold, settings.StandardWeeklyHours, settings.InboundLeadsPerMonth,
            settings.HasSimpleSalesProcess, settings.SucceedsWithGeneralists, settings.TimeZone, settings.Currency, settings.Archived, settings.Version,
            settings.ShowsReferenceFigures);
    }
}
