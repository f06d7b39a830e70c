using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;
using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.CrmImports.Api;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Imports.Components;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.CrmImports;

/// <summary>
/// A consultant with only the client's CRM history: upload the export files, tune the classification
/// rules while looking at what they make of the records, then import the derived weeks. Uploads go to
/// temporary files as they arrive, so the previews and the import read the same bytes.
/// </summary>
public sealed partial class CrmImportPage
{
    private const int MaxFiles = CrmImportEndpoints.MaxFiles;
    private static readonly CrmLink[] Links = [CrmLink.Lead, CrmLink.Contact, CrmLink.Opportunity, CrmLink.Account, CrmLink.Case];
    private static readonly JsonSerializerOptions SignatureJson = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private readonly CancellationTokenSource _closing = new();
    private readonly List<(string Name, UploadSpool Spool)> _files = [];
    private MemberAccess? _member;
    private string? _pageError;
    private CrmRulesForm? _rules;
    private string _savedSignature = "";
    private IReadOnlyList<string> _roles = [];
    private string? _role;
    private CrmImportReport? _report;
    private string? _uploadError;
    private string? _busy;
    private double? _progress;
    private List<string> _rulesProblems = [];
    private bool _rulesSaved;
    private bool _saving;
    private string? _previewedWith;

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

    private bool Dirty => _rules is not null && Signature(_rules) != _savedSignature;

    /// <summary>The rules or the role changed since the preview: importing now would write numbers nobody saw.</summary>
    private bool Stale => _report is not null && _rules is not null && _previewedWith != Signature(_rules) + "|" + _role;

    private List<BreadcrumbItem> Breadcrumbs =>
    [
        new("Import and export", $"/organizations/{OrganizationId}/import"),
        new("CRM activity", null, disabled: true),
    ];

    protected override async Task OnParametersSetAsync()
    {
        if (_member?.OrganizationId == OrganizationId)
        {
            return;
        }
        // Another organisation in the same page instance: nothing of the previous one's files, rules or access carries over.
        await ForgetFilesAsync();
        _member = null;
        _rules = null;
        _pageError = null;
        _rulesProblems = [];
        _rulesSaved = false;
        var member = await Access.ForAsync((await AuthenticationState).User, OrganizationId);
        if (member is null)
        {
            _pageError = "This organisation does not exist or you have no access to it.";
            return;
        }
        if (!member.MayImport)
        {
            _pageError = "Importing data is for Admins, Leaders and Consultants of the organisation.";
            return;
        }
        _roles = await RuleService.RolesAsync(member, _closing.Token);
        _role = _roles.FirstOrDefault(r => r == "Full-Cycle Rep") ?? (_roles.Count > 0 ? _roles[0] : null);
        Load(await RuleService.GetAsync(member, _closing.Token));
        _member = member;
    }

    private void Load(CrmRulesForm form)
    {
        _rules = form;
        _savedSignature = Signature(form);
    }

    private async Task ChooseAsync(IReadOnlyList<IBrowserFile>? chosen)
    {
        if (chosen is null || chosen.Count == 0 || _busy is not null)
        {
            return;
        }
        await ForgetFilesAsync();
        var max = Options.Value.MaxUploadBytes;
        var total = chosen.Sum(f => f.Size);
        if (total > max)
        {
            _uploadError = $"The files come to {ImportText.Megabytes(total)}; an import takes up to {ImportText.Megabytes(max)}. Export a shorter period that starts on a Monday, and import all its files together.";
            return;
        }
        try
        {
            var left = max;
            for (var i = 0; i < chosen.Count; i++)
            {
                var file = chosen[i];
                Busy($"Uploading {file.Name} ({i + 1} of {chosen.Count})", 0);
                await using var upload = file.OpenReadStream(max, _closing.Token);
                var spool = await UploadSpool.CopyAsync(upload, left, Progress(), file.Size, _closing.Token);
                if (spool is null)
                {
                    _uploadError = $"The files are larger than {ImportText.Megabytes(max)} together. Export a shorter period that starts on a Monday, and import all its files together.";
                    await ForgetSpoolsAsync();
                    return;
                }
                _files.Add((file.Name, spool));
                left -= file.Size;
            }
            await RunAsync(dryRun: true);
        }
        catch (IOException exception)
        {
            _uploadError = $"The upload was interrupted ({exception.Message}). Choose the files again.";
            await ForgetSpoolsAsync();
        }
        finally
        {
            _busy = null;
        }
    }

    private async Task PreviewAsync()
    {
        if (_files.Count == 0 || _busy is not null)
        {
            return;
        }
        try
        {
            await RunAsync(dryRun: true);
        }
        finally
        {
            _busy = null;
        }
    }

    private async Task CommitAsync()
    {
        if (_files.Count == 0 || _busy is not null || Stale)
        {
            return;
        }
        try
        {
            await RunAsync(dryRun: false);
            if (_report is { Import.Imported: true })
            {
                await ForgetSpoolsAsync();
            }
        }
        finally
        {
            _busy = null;
        }
    }

    private async Task RunAsync(bool dryRun)
    {
        Busy(dryRun ? $"Reading {ImportText.Count(_files.Count, "file")} and classifying the records" : "Importing", null);
        _rulesSaved = false;
        var files = _files.Select(f => new CrmFile(f.Name, () => new StreamReader(f.Spool.OpenRead()))).ToList();
        // A copy: edits made while the files are read must not change the rules half-way.
        var rules = _rules!.Copy();
        var signature = Signature(rules) + "|" + _role;
        try
        {
            _report = await Imports.ImportAsync(_member!, files, rules, _role, dryRun, new Progress<string>(what =>
            {
                // Waiting for another import of the same people, say.
                if (_busy is not null)
                {
                    _busy = what;
                    StateHasChanged();
                }
            }), _closing.Token);
            _previewedWith = signature;
        }
        catch (IOException exception)
        {
            // The temporary copies went away under the reader (the page was left, or the files dropped); nothing was written.
            _report = null;
            _uploadError = $"The files could not be read to the end ({exception.Message}). Choose them again.";
            await ForgetSpoolsAsync();
        }
    }

    private async Task SaveRulesAsync()
    {
        if (_saving)
        {
            return;
        }
        _saving = true;
        _rulesSaved = false;
        try
        {
            var result = await RuleService.SaveAsync(_member!, _rules!, _closing.Token);
            _rulesProblems = result.Problems.ToList();
            if (result.Saved)
            {
                _rules!.Version = result.Version;
                _savedSignature = Signature(_rules);
                _rulesSaved = true;
            }
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task UndoAsync()
    {
        _rulesProblems = [];
        _rulesSaved = false;
        Load(await RuleService.GetAsync(_member!, _closing.Token));
    }

    /// <summary>The defaults replace the list on screen; they are saved only with "Save rules".</summary>
    private async Task ResetAsync()
    {
        _rulesProblems = [];
        _rulesSaved = false;
        var defaults = await RuleService.DefaultsAsync(_member!, _rules!.Version, _closing.Token);
        _rules = defaults;
    }

    private void Add()
    {
        _rules!.Rules.Add(new CrmRuleRow { Activity = _rules.Activities.Count > 0 ? _rules.Activities[0] : "" });
        Changed();
    }

    // The index was captured when the row was drawn; a second click can arrive after the list changed.
    private void Remove(int index)
    {
        if (index >= 0 && index < _rules!.Rules.Count)
        {
            _rules.Rules.RemoveAt(index);
            Changed();
        }
    }

    private void Move(int index, int by)
    {
        var rules = _rules!.Rules;
        if (index >= 0 && index < rules.Count && index + by >= 0 && index + by < rules.Count)
        {
            (rules[index], rules[index + by]) = (rules[index + by], rules[index]);
            Changed();
        }
    }

    private void Changed()
    {
        _rulesSaved = false;
        _rulesProblems = [];
    }

    private void Busy(string what, double? progress)
    {
        _busy = what;
        _progress = progress;
        StateHasChanged();
    }

    // Progress<T> calls back on the circuit's synchronisation context; redraw only when the percent moves.
    private Progress<double> Progress() => new(value =>
    {
        if ((int)(value * 100) != (int)((_progress ?? 0) * 100))
        {
            _progress = value;
            StateHasChanged();
        }
    });

    private async Task ForgetFilesAsync()
    {
        _report = null;
        _uploadError = null;
        await ForgetSpoolsAsync();
    }

    private async Task ForgetSpoolsAsync()
    {
        foreach (var (_, spool) in _files)
        {
            await spool.DisposeAsync();
        }
        _files.Clear();
    }

    private CrmFileKind? KindOf(string name) => _report?.Files.FirstOrDefault(f => f.Name == name)?.Kind;

    private string KindLabel(string name) => KindOf(name) switch
    {
        null => "",
        CrmFileKind.Unknown => " · not recognised",
        CrmFileKind.Users => " · users",
        CrmFileKind.SalesforceTasks => " · Salesforce tasks",
        CrmFileKind.SalesforceEvents => " · Salesforce events",
        CrmFileKind.HubSpotCalls => " · HubSpot calls",
        CrmFileKind.HubSpotMeetings => " · HubSpot meetings",
        CrmFileKind.HubSpotEmails => " · HubSpot emails",
        CrmFileKind.HubSpotTasks => " · HubSpot tasks",
        var kind => $" · {kind}",
    };

    private Color KindColor(string name) => KindOf(name) switch
    {
        null => Color.Default,
        CrmFileKind.Unknown => Color.Error,
        _ => Color.Success,
    };

    private static string ReasonLabel(CrmSkipReason reason) => reason switch
    {
        CrmSkipReason.NoRuleMatched => "No rule matched",
        CrmSkipReason.UnknownOwner => "Owner unknown",
        CrmSkipReason.NoDate => "No date",
        CrmSkipReason.AllDayEvent => "All-day event",
        CrmSkipReason.OpenTask => "Task not done",
        CrmSkipReason.CanceledMeeting => "Meeting cancelled",
        CrmSkipReason.Duplicate => "Read twice",
        CrmSkipReason.RecurringSeries => "Recurring series record",
        CrmSkipReason.Deleted => "Deleted in the CRM",
        _ => reason.ToString(),
    };

    private static TEnum? ParseEnum<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, out var parsed) ? parsed : null;

    private static string Signature(CrmRulesForm form) =>
        JsonSerializer.Serialize(new { Rules = form.ToRules(), Minutes = form.ToMinutes() }, SignatureJson);

    private static string Hours(decimal hours) => hours == 0m ? "–" : hours.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Share(int part, int whole) =>
        whole == 0 ? "0" : $"{part.ToString("N0", CultureInfo.InvariantCulture)} ({(100m * part / whole).ToString("0", CultureInfo.InvariantCulture)} %)";


    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _closing.Dispose();
        await ForgetSpoolsAsync();
    }
}
