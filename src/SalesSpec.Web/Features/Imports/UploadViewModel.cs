using Microsoft.Extensions.Options;
using SalesSpec.Web.Features.Imports.Components;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.Imports;

/// <summary>
/// What the import pages share: whose access, in which organisation; what the page is doing; the last upload
/// problem; the report on the uploaded files; and the temporary copies of the uploads, dropped when the
/// organisation changes or the page closes.
/// </summary>
/// <typeparam name="TReport">What the page's import answers.</typeparam>
public abstract class UploadViewModel<TReport> : IAsyncDisposable
    where TReport : class
{
    private readonly IOptions<ImportOptions> _options;
    private readonly CancellationTokenSource _closing = new();

    protected UploadViewModel(IOptions<ImportOptions> options)
    {
        _options = options;
        Activity = new ImportActivity(Changed);
    }

    /// <summary>
    /// The state changed while an action was still running (progress, status), or an action of one component
    /// changed what another draws: the page redraws.
    /// </summary>
    public event Action? StateChanged;

    public int OrganizationId { get; private set; }

    public MemberAccess? Member { get; private set; }

    public string? PageError { get; private set; }

    public string? UploadError { get; protected set; }

    public TReport? Report { get; protected set; }

    /// <summary>What the page is doing (uploading, checking, importing, waiting), or null when it waits for the user.</summary>
    public string? Busy => Activity.Busy;

    public long MaxUploadBytes => _options.Value.MaxUploadBytes;

    protected ImportActivity Activity { get; }

    protected CancellationToken Closing => _closing.Token;

    /// <summary>Why a member without the import permission may not use the page: each page names what it is for.</summary>
    protected abstract string NotForThisMember { get; }

    /// <summary>Opens the page of <paramref name="organizationId"/> for this member (null: not a member of it).</summary>
    public async Task OpenAsync(MemberAccess? member, int organizationId)
    {
        if (Member?.OrganizationId == organizationId)
        {
            return;
        }
        // Another organisation in the same page instance (the menu links to each): nothing of the
        // previous one's files, preview, rules or access may carry over.
        await ForgetOrganizationAsync();
        OrganizationId = organizationId;
        Member = null;
        PageError = null;
        if (member is null)
        {
            PageError = OrganizationPage.NoAccessMessage;
        }
        else if (!member.MayImport)
        {
            PageError = NotForThisMember;
        }
        else
        {
            await LoadAsync(member);
            Member = member;
        }
    }

    /// <summary>The dashboard over the weeks an import wrote.</summary>
    public string DashboardLink(string? firstWeek, string? lastWeek) =>
        $"/organizations/{OrganizationId}/dashboard?from={firstWeek}&to={lastWeek}";

    /// <summary>Drops the files and what was made of them.</summary>
    public async Task CancelAsync()
    {
        await ForgetFilesAsync();
        Changed();
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _closing.Dispose();
        await ForgetUploadsAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Drops what the page holds for the organisation it showed, uploads included.</summary>
    protected abstract Task ForgetOrganizationAsync();

    /// <summary>Reads what the page needs of the organisation before it shows it.</summary>
    protected virtual Task LoadAsync(MemberAccess member) => Task.CompletedTask;

    /// <summary>Deletes the temporary copies of the uploads.</summary>
    protected abstract ValueTask ForgetUploadsAsync();

    protected async Task ForgetFilesAsync()
    {
        Report = null;
        UploadError = null;
        await ForgetUploadsAsync();
    }

    protected void Changed() => StateChanged?.Invoke();
}
