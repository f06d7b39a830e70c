using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.Imports.Components;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.Imports;

/// <summary>
/// A consultant's way in and out: upload a time-log CSV, see every problem or a preview of what it
/// would change, then confirm. The upload goes to a temporary file as it arrives (never whole into
/// memory), so the preview and the import read the same bytes.
/// </summary>
public sealed partial class ImportPage
{
    private readonly CancellationTokenSource _closing = new();
    private MemberAccess? _member;
    private string? _pageError;
    private UploadSpool? _spool;
    private string _fileName = "";
    private TimeLogImportReport? _report;
    private string? _uploadError;
    private string? _busy;
    private double _progress;
    private string? _exportFrom;
    private string? _exportTo;
    private bool _uploading;

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

    protected override async Task OnParametersSetAsync()
    {
        if (_member?.OrganizationId == OrganizationId)
        {
            return;
        }
        // Another organisation in the same page instance (the menu links to each): nothing of the
        // previous one's file, preview or access may carry over.
        await ForgetFileAsync();
        _member = null;
        _pageError = null;
        _exportFrom = null;
        _exportTo = null;
        var member = await Access.ForAsync((await AuthenticationState).User, OrganizationId);
        if (member is null)
        {
            _pageError = "This organisation does not exist or you have no access to it.";
        }
        else if (!member.MayImport)
        {
            _pageError = "Importing and exporting data is for Admins, Leaders and Consultants of the organisation.";
        }
        else
        {
            _member = member;
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || _busy is not null)
        {
            return;
        }
        await ForgetFileAsync();
        _fileName = file.Name;
        var max = Options.Value.MaxUploadBytes;
        if (file.Size > max)
        {
            _uploadError = $"{file.Name} is {ImportText.Megabytes(file.Size)}; an import takes up to {ImportText.Megabytes(max)}. Split the file by period and import the parts.";
            return;
        }
        try
        {
            _uploading = true;
            Busy("Uploading");
            await using (var upload = file.OpenReadStream(max, _closing.Token))
            {
                _spool = await UploadSpool.CopyAsync(upload, max, Progress(), file.Size, _closing.Token);
            }
            if (_spool is null)
            {
                _uploadError = $"{file.Name} is larger than {ImportText.Megabytes(max)}. Split the file by period and import the parts.";
                return;
            }
            Busy("Checking");
            _report = await RunAsync(dryRun: true);
            if (_report.ErrorCount > 0)
            {
                await ForgetSpoolAsync();
            }
        }
        catch (IOException exception)
        {
            _uploadError = $"The upload of {file.Name} was interrupted ({exception.Message}). Choose the file again.";
            await ForgetSpoolAsync();
        }
        finally
        {
            _busy = null;
            _uploading = false;
        }
    }

    private async Task CommitAsync()
    {
        if (_spool is null || _busy is not null)
        {
            return;
        }
        try
        {
            Busy("Importing");
            _report = await RunAsync(dryRun: false);
            if (_report.Imported)
            {
                await ForgetSpoolAsync();
            }
        }
        finally
        {
            _busy = null;
        }
    }

    private bool ShowUpload => _uploading || (_busy is null && (_report is null || !_report.DryRun || _report.ErrorCount > 0));

    private async Task CancelAsync() => await ForgetFileAsync();

    private async Task<TimeLogImportReport> RunAsync(bool dryRun)
    {
        await using var file = _spool!.OpenRead();
        return await Imports.ImportAsync(_member!, file, dryRun, _fileName, Progress(), Status(), _closing.Token);
    }

    private void Busy(string what)
    {
        _busy = what;
        _progress = 0;
        StateHasChanged();
    }

    // What the import is doing when it is not reading: waiting for another import of the same people, say.
    private Progress<string> Status() => new(what =>
    {
        if (_busy is not null)
        {
            _busy = what;
            StateHasChanged();
        }
    });

    // Progress<T> calls back on the circuit's synchronisation context; redraw only when the percent moves.
    private Progress<double> Progress() => new(value =>
    {
        if ((int)(value * 100) != (int)(_progress * 100))
        {
            _progress = value;
            StateHasChanged();
        }
    });

    private async Task ForgetFileAsync()
    {
        _report = null;
        _uploadError = null;
        await ForgetSpoolAsync();
    }

    private async Task ForgetSpoolAsync()
    {
        if (_spool is not null)
        {
            await _spool.DisposeAsync();
            _spool = null;
        }
    }

    private string ExportLink(string what)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(_exportFrom))
        {
            query.Add($"from={Uri.EscapeDataString(_exportFrom.Trim())}");
        }
        if (!string.IsNullOrWhiteSpace(_exportTo))
        {
            query.Add($"to={Uri.EscapeDataString(_exportTo.Trim())}");
        }
        return $"/api/v1/organizations/{OrganizationId}/{what}{(query.Count == 0 ? "" : "?" + string.Join("&", query))}";
    }

    private string DashboardLink(TimeLogImportReport report) =>
        $"/organizations/{OrganizationId}/dashboard?from={report.FirstWeek}&to={report.LastWeek}";

    private static string Width(decimal hours, decimal total) =>
        (total == 0m ? 0m : decimal.Round(hours / total * 100m, 1)).ToString(CultureInfo.InvariantCulture) + "%";

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _closing.Dispose();
        await ForgetSpoolAsync();
    }
}
