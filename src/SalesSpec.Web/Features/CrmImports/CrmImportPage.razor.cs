using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.CrmImports;

/// <summary>Lays out the upload, its outcome and the rules editor; <see cref="CrmImportViewModel"/> holds what they show and do.</summary>
public sealed partial class CrmImportPage
{
    [Parameter]
    public int OrganizationId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private OrganizationAccess Access { get; set; } = null!;

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
        Model = new CrmImportViewModel(Access, RuleService, Imports, Options);
        Model.StateChanged += StateHasChanged;
    }

    protected override async Task OnParametersSetAsync() =>
        await Model.OpenAsync((await AuthenticationState).User, OrganizationId);

    public async ValueTask DisposeAsync()
    {
        Model.StateChanged -= StateHasChanged;
        await Model.DisposeAsync();
    }
}
