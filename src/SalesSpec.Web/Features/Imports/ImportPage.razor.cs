using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.Imports;

/// <summary>Lays out the import and export cards; <see cref="ImportViewModel"/> holds what they show and do.</summary>
public sealed partial class ImportPage
{
    [Parameter]
    public int OrganizationId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private OrganizationAccess Access { get; set; } = null!;

    [Inject]
    private TimeLogImportService Imports { get; set; } = null!;

    [Inject]
    private IOptions<ImportOptions> Options { get; set; } = null!;

    private ImportViewModel Model { get; set; } = null!;

    protected override void OnInitialized()
    {
        Model = new ImportViewModel(Access, Imports, Options);
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
