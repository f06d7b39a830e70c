using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Imports.Components;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.Imports;

/// <summary>
/// A consultant's way in and out: upload a time-log CSV, see every problem or a preview of what it
/// would change, then confirm. The upload goes to a temporary file as it arrives (never whole into
/// memory), so the preview and the import read the same bytes.
/// </summary>
public sealed class ImportViewModel(TimeLogImportService imports, IOptions<ImportOptions> options)
    : UploadViewModel<TimeLogImportReport>(options)
{
    private UploadSpool? _spool;
    private bool _uploading;

    public string FileName { get; private set; } = "";

    public double Progress => Activity.Done ?? 0;

    public string? ExportFrom { get; set; }

    public string? ExportTo { get; set; }

    public bool ShowUpload => _uploading || (Busy is null && (Report is null || !Report.DryRun || Report.ErrorCount > 0));

    protected override string NotForThisMember => "Importing and exporting data is for Admins, Leaders and Consultants of the organisation.";

    public async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || Busy is not null)
        {
            return;
        }
        await ForgetFilesAsync();
        FileName = file.Name;
        var max = MaxUploadBytes;
        if (file.Size > max)
        {
            UploadError = $"{file.Name} is {ImportText.Megabytes(file.Size)}; an import takes up to {ImportText.Megabytes(max)}. Split the file by period and import the parts.";
            Changed();
            return;
        }
        try
        {
            _uploading = true;
            Activity.Start("Uploading", 0);
            await using (var upload = file.OpenReadStream(max, Closing))
            {
                _spool = await UploadSpool.CopyAsync(upload, max, Activity.Progress(), file.Size, Closing);
            }
            if (_spool is null)
            {
                UploadError = $"{file.Name} is larger than {ImportText.Megabytes(max)}. Split the file by period and import the parts.";
                return;
            }
            Activity.Start("Checking", 0);
            Report = await RunAsync(dryRun: true);
            if (Report.ErrorCount > 0)
            {
                await ForgetUploadsAsync();
            }
        }
        catch (IOException exception)
        {
            UploadError = $"The upload of {file.Name} was interrupted ({exception.Message}). Choose the file again.";
            await ForgetUploadsAsync();
        }
        finally
        {
            _uploading = false;
            Activity.Stop();
        }
    }

    public async Task CommitAsync()
    {
        if (_spool is null || Busy is not null)
        {
            return;
        }
        try
        {
            Activity.Start("Importing", 0);
            Report = await RunAsync(dryRun: false);
            if (Report.Imported)
            {
                await ForgetUploadsAsync();
            }
        }
        finally
        {
            Activity.Stop();
        }
    }

    /// <summary>An export's address, with the weeks typed (trimmed), if any.</summary>
    public string ExportLink(string what)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(ExportFrom))
        {
            query.Add($"from={Uri.EscapeDataString(ExportFrom.Trim())}");
        }
        if (!string.IsNullOrWhiteSpace(ExportTo))
        {
            query.Add($"to={Uri.EscapeDataString(ExportTo.Trim())}");
        }
        return $"/api/v1/organizations/{OrganizationId}/{what}{(query.Count == 0 ? "" : "?" + string.Join("&", query))}";
    }

    protected override async Task ForgetOrganizationAsync()
    {
        await ForgetFilesAsync();
        ExportFrom = null;
        ExportTo = null;
    }

    protected override async ValueTask ForgetUploadsAsync()
    {
        if (_spool is not null)
        {
            await _spool.DisposeAsync();
            _spool = null;
        }
    }

    private async Task<TimeLogImportReport> RunAsync(bool dryRun)
    {
        await using var file = _spool!.OpenRead();
        return await imports.ImportAsync(Member!, file, dryRun, FileName, Activity.Progress(), Activity.Status(), Closing);
    }
}
