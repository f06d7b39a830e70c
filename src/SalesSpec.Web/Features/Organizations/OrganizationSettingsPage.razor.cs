using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesSpec.Web.Features.Organizations.Services;

namespace SalesSpec.Web.Features.Organizations;

public sealed partial class OrganizationSettingsPage
{
    private bool _loading = true;
    private bool _busy;
    private bool _saved;
    private string? _message;
    private string? _confirmName;
    private MemberAccess? _member;
    private OrganizationForm? _form;
    private ValidatedForm<OrganizationForm>? _formRef;

    [Inject]
    private OrganizationAdminService Organizations { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnMemberAsync(MemberAccess? member)
    {
        _loading = true;
        _member = member;
        _form = _member is null ? null : await Organizations.SettingsAsync(_member);
        _loading = false;
    }

    private async Task SaveAsync()
    {
        if (!await _formRef!.IsValidAsync())
        {
            return;
        }
        _busy = true;
        var outcome = await Organizations.SaveSettingsAsync(_member!, _form!);
        _busy = false;
        Show(outcome, "Settings saved.");
    }

    private async Task ToggleArchiveAsync()
    {
        _busy = true;
        var archive = !_form!.Archived;
        var outcome = await Organizations.SetArchivedAsync(_member!, archive, _form.Version);
        _busy = false;
        if (outcome.Succeeded)
        {
            // The member's rights change with the archive: load the page (and navigation) afresh.
            Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
            return;
        }
        Show(outcome, "");
    }

    private async Task DeleteAsync()
    {
        _busy = true;
        var deleted = await Organizations.DeleteAsync(_member!, _confirmName);
        _busy = false;
        if (deleted.Succeeded)
        {
            Snackbar.Add($"Deleted {deleted.Value!.Name}.", MudBlazor.Severity.Success);
            Navigation.NavigateTo("/", forceLoad: true);
            return;
        }
        _saved = false;
        _message = deleted.Message;
    }

    private void Show(Outcome<OrganizationForm> outcome, string success)
    {
        _saved = outcome.Succeeded;
        _message = outcome.Succeeded ? success : outcome.Message;
        if (outcome.Succeeded)
        {
            _form = outcome.Value;
        }
    }
}
