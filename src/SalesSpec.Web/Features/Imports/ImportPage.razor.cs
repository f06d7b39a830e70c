using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.Imports;

/// <summary>Lays out the import and export cards; <see cref="ImportViewModel"/> holds what they show and do.</summary>
public sealed partial class ImportPage
{
    [Inject]
    private TimeLogImportService Imports { get; set; } = null!;

    [Inject]
    private IOptions<ImportOptions> Options { get; set; } = null!;

    private ImportViewModel Model { get; set; } = null!;

    protected override void OnInitialized()
    {
        Model = new ImportViewModel(Imports, Options);
        Model.StateChanged += StateHasChanged;
    }

    protected override Task OnMemberAsync(MemberAccess? member) => Model.OpenAsync(member, OrganizationId);

    public async ValueTask DisposeAsync()
    {
        Model.StateChanged -= StateHasChanged;
        await Model.DisposeAsync();
    }
}
