using System.Text.Json.Serialization;

namespace SalesSpec.Web.Features.Organizations.Services;

/// <summary>An organisation's name and settings, as a new client is created and as its Admin changes them later.</summary>
public sealed class OrganizationForm
{
    public string Name { get; set; } = "";

    /// <summary>Chosen once, at creation: it decides the roles and workloads the organisation starts with.</summary>
    public OrganizationTemplate Template { get; set; } = OrganizationTemplate.FourRoles;

    /// <summary>The 80/20 line as a fraction (0.2 for 20 %), as in the analysis JSON.</summary>
    public decimal Threshold { get; set; } = Organization.DefaultThreshold;

    /// <summary>The same line as people type it: 20 for 20 %.</summary>
    [JsonIgnore]
    public decimal ThresholdPercent
    {
        get => Threshold * 100m;
        set => Threshold = value / 100m;
    }

    public decimal StandardWeeklyHours { get; set; } = Organization.DefaultStandardWeeklyHours;

    public int? InboundLeadsPerMonth { get; set; }

    public bool HasSimpleSalesProcess { get; set; }

    public bool SucceedsWithGeneralists { get; set; }

    /// <summary>Published rules of thumb beside the organisation's figures on the dashboard, the workshop and the scenarios.</summary>
    public bool ShowsReferenceFigures { get; set; } = true;

    public string TimeZone { get; set; } = Organization.DefaultTimeZone;

    public string Currency { get; set; } = Organization.DefaultCurrency;

    /// <summary>Shown, not changed, by this form: archiving has its own action.</summary>
    public bool Archived { get; set; }

    /// <summary>The version the change is based on; ignored when creating.</summary>
    public int Version { get; set; }

    public static OrganizationForm From(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new OrganizationForm
        {
            Name = organization.Name,
            Template = organization.Template,
            Threshold = organization.Threshold,
            StandardWeeklyHours = organization.StandardWeeklyHours,
            InboundLeadsPerMonth = organization.InboundLeadsPerMonth,
            HasSimpleSalesProcess = organization.HasSimpleSalesProcess,
            SucceedsWithGeneralists = organization.SucceedsWithGeneralists,
            ShowsReferenceFigures = organization.ShowsReferenceFigures,
            TimeZone = organization.TimeZone,
            Currency = organization.Currency,
            Archived = organization.IsArchived,
            Version = organization.Version,
        };
    }
}
