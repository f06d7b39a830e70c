using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using MudBlazor;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.CrmImports;

/// <summary>Lays out the upload, its outcome and the rules editor; <see cref="CrmImportViewModel"/> holds what they show and do.</summary>
public sealed partial class CrmImportPage
{
    [Inject]
    private CrmRuleService RuleService { get; set; } = null!;

    [Inject]
    private CrmImportService Imports { get; set; } = null!;

    [Inject]
    private IOptions<ImportOptions> Options { get; set; } = null!;

    private CrmImportViewModel Model { get; set; } = null!;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Import and export", $"/organizations/{OrganizationId}/import"),
        new("CRM activity", null, disabled: true),
    ];

    protected override void OnInitialized()
    {
        Model = new CrmImportViewModel(RuleService, Imports, Options);
        Model.StateChanged += StateHasChanged;
    }

    protected override Task OnMemberAsync(MemberAccess? member) => Model.OpenAsync(member, OrganizationId);

    public async ValueTask DisposeAsync()
    {
        Model.StateChanged -= StateHasChanged;
        await Model.DisposeAsync();
    }
}
