using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Features.CrmImports.Api;
using SalesSpec.Web.Features.CrmImports.Services;
using SalesSpec.Web.Features.Imports;
using SalesSpec.Web.Features.Imports.Components;
using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.CrmImports;

/// <summary>
/// A consultant with only the client's CRM history: upload the export files, tune the classification
/// rules while looking at what they make of the records, then import the derived weeks. Uploads go to
/// temporary files as they arrive, so the previews and the import read the same bytes.
/// </summary>
public sealed class CrmImportViewModel(CrmRuleService ruleService, CrmImportService imports, IOptions<ImportOptions> options)
    : UploadViewModel<CrmImportReport>(options)
{
    public const int MaxFiles = CrmImportEndpoints.MaxFiles;
    private static readonly JsonSerializerOptions SignatureJson = new() { Converters = { new JsonStringEnumConverter() } };

    private readonly List<(string Name, UploadSpool Spool)> _files = [];
    private string _savedSignature = "";
    private string? _role;
    private string? _previewedWith;
    private CrmDateOrder? _dateOrder;
    private CrmImportChoices _remembered = new();

    public CrmRulesForm? Rules { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>The organisation's reps (email → name), to map unknown owners to.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Reps { get; private set; } = [];

    /// <summary>How to read d/m/y dates no date in the files settles; null: let the files tell, or ask.</summary>
    public CrmDateOrder? DateOrder
    {
        get => _dateOrder;
        set
        {
            _dateOrder = value;
            Changed();
        }
    }

    /// <summary>Owner as the files write them → the email of the rep they are (an existing rep's, or a new one's).</summary>
    public IReadOnlyDictionary<string, string> OwnerEmails => _ownerEmails;

    private readonly Dictionary<string, string> _ownerEmails = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The consultant says who an owner is; the preview on screen no longer shows it.</summary>
    public void MapOwner(string owner, string? email)
    {
        _ownerEmails[owner] = email?.Trim() ?? "";
        Changed();
    }

    /// <summary>Users the files' signs took for integrations whom the consultant says are people (their records count).</summary>
    public bool IsPerson(string user) => _people.Contains(user);

    public void CountAsPerson(string user, bool person)
    {
        if (person)
        {
            _people.Add(user);
        }
        else
        {
            _people.Remove(user);
        }
        Changed();
    }

    private readonly HashSet<string> _people = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The mapping step's columns for a file SalesSpec does not recognise; null until the consultant opens it.</summary>
    public CrmLayoutForm? Mapping { get; private set; }

    /// <summary>The organisation's saved layouts, latest first.</summary>
    public IReadOnlyList<CrmLayout> SavedLayouts => _remembered.SavedLayouts;

    /// <summary>
    /// The file the mapping step is about: the one being mapped (kept even when a preview fails before reading it), else
    /// the first the last preview could not recognise, else the first read through a saved layout; null when none.
    /// </summary>
    public CrmFileSummary? MappingFile =>
        Mapping is not null ? _mappedFile
        : Report?.Files.FirstOrDefault(f => f.Kind == CrmFileKind.Unknown && f.Columns.Count > 0)
          ?? Report?.Files.FirstOrDefault(f => f.Kind == CrmFileKind.Mapped && f.Columns.Count > 0);

    private CrmFileSummary? _mappedFile;

    /// <summary>
    /// Opens the mapping step for <see cref="MappingFile"/>: from the saved layout that read it, or a first guess from
    /// its header.
    /// </summary>
    public void StartMapping()
    {
        if (MappingFile is { } file)
        {
            _mappedFile = file;
            Mapping = SavedLayouts.FirstOrDefault(l => l.Name == file.Layout) is { } saved
                ? CrmLayoutForm.From(saved)
                : CrmLayoutForm.Guess(file.Name, file.Columns);
            Changed();
        }
    }

    /// <summary>Starts from a saved layout, by name.</summary>
    public void UseLayout(string? name)
    {
        if (MappingFile is { } file && SavedLayouts.FirstOrDefault(l => l.Name == name) is { } saved)
        {
            _mappedFile = file;
            Mapping = CrmLayoutForm.From(saved);
            Changed();
        }
    }

    /// <summary>A choice of the mapping step changed on screen: the preview no longer shows it.</summary>
    public void MappingEdited() => Changed();

    /// <summary>An owner email that is not an address, with the owner it was typed for.</summary>
    public string? OwnerProblem { get; private set; }

    /// <summary>The role new reps join as.</summary>
    public string? Role
    {
        get => _role;
        set
        {
            _role = value;
            Changed();
        }
    }

    /// <summary>The upload's share done, or null while the work has no measure.</summary>
    public double? Progress => Activity.Done;

    public IReadOnlyList<string> RulesProblems { get; private set; } = [];

    public bool RulesSaved { get; private set; }

    public bool Saving { get; private set; }

    public IReadOnlyList<string> FileNames => _files.ConvertAll(f => f.Name);

    public bool Ready => Member is not null && Rules is not null;

    public bool Dirty => Rules is not null && Signature(Rules) != _savedSignature;

    /// <summary>The rules or the role changed since the preview: importing now would write numbers nobody saw.</summary>
    public bool Stale => Report is not null && Rules is not null && _previewedWith != Signature(Rules) + "|" + _role + "|" + ChoicesSignature();

    protected override string NotForThisMember => "Importing data is for Admins, Leaders and Consultants of the organisation.";

    public async Task ChooseAsync(IReadOnlyList<IBrowserFile>? chosen)
    {
        if (chosen is null || chosen.Count == 0 || Busy is not null)
        {
            return;
        }
        await ForgetFilesAsync();
        // Columns mapped for other files say nothing about these (a layout saved by an import reads them by itself).
        Mapping = null;
        var max = MaxUploadBytes;
        var total = chosen.Sum(f => f.Size);
        if (total > max)
        {
            UploadError = $"The files come to {ImportText.Megabytes(total)}; an import takes up to {ImportText.Megabytes(max)}. Export a shorter period that starts on a Monday, and import all its files together.";
            Changed();
            return;
        }
        try
        {
            var left = max;
            for (var i = 0; i < chosen.Count; i++)
            {
                var file = chosen[i];
                Activity.Start($"Uploading {file.Name} ({i + 1} of {chosen.Count})", 0);
                await using var upload = file.OpenReadStream(max, Closing);
                var spool = await UploadSpool.CopyAsync(upload, left, Activity.Progress(), file.Size, Closing);
                if (spool is null)
                {
                    UploadError = $"The files are larger than {ImportText.Megabytes(max)} together. Export a shorter period that starts on a Monday, and import all its files together.";
                    await ForgetUploadsAsync();
                    return;
                }
                _files.Add((file.Name, spool));
                left -= file.Size;
            }
            await RunAsync(dryRun: true);
        }
        catch (IOException exception)
        {
            UploadError = $"The upload was interrupted ({exception.Message}). Choose the files again.";
            await ForgetUploadsAsync();
        }
        finally
        {
            Activity.Stop();
        }
    }

    public async Task PreviewAsync()
    {
        if (_files.Count == 0 || Busy is not null)
        {
            return;
        }
        try
        {
            await RunAsync(dryRun: true);
        }
        finally
        {
            Activity.Stop();
        }
    }

    public async Task CommitAsync()
    {
        if (_files.Count == 0 || Busy is not null || Stale)
        {
            return;
        }
        try
        {
            await RunAsync(dryRun: false);
            if (Report is { Import.Imported: true })
            {
                await ForgetUploadsAsync();
            }
        }
        finally
        {
            Activity.Stop();
        }
    }

    public async Task SaveRulesAsync()
    {
        if (Saving)
        {
            return;
        }
        Saving = true;
        RulesSaved = false;
        try
        {
            var result = await ruleService.SaveAsync(Member!, Rules!, Closing);
            RulesProblems = result.Problems.ToList();
            if (result.Saved)
            {
                Rules!.Version = result.Version;
                _savedSignature = Signature(Rules);
                RulesSaved = true;
            }
        }
        finally
        {
            Saving = false;
            Changed();
        }
    }

    public async Task UndoAsync()
    {
        RulesProblems = [];
        RulesSaved = false;
        Load(await ruleService.GetAsync(Member!, Closing));
        Changed();
    }

    /// <summary>The defaults replace the list on screen; they are saved only with "Save rules".</summary>
    public async Task ResetAsync()
    {
        RulesProblems = [];
        RulesSaved = false;
        var defaults = await ruleService.DefaultsAsync(Member!, Rules!.Version, Closing);
        Rules = defaults;
        Changed();
    }

    public void Add()
    {
        Rules!.Rules.Add(new CrmRuleRow { Activity = Rules.Activities.Count > 0 ? Rules.Activities[0] : "" });
        Edited();
    }

    // The index was captured when the row was drawn; a second click can arrive after the list changed.
    public void Remove(int index)
    {
        if (index >= 0 && index < Rules!.Rules.Count)
        {
            Rules.Rules.RemoveAt(index);
            Edited();
        }
    }

    public void Move(int index, int by)
    {
        var rules = Rules!.Rules;
        if (index >= 0 && index < rules.Count && index + by >= 0 && index + by < rules.Count)
        {
            (rules[index], rules[index + by]) = (rules[index + by], rules[index]);
            Edited();
        }
    }

    /// <summary>A rule or a standard duration was edited on screen: what was said about the saved rules no longer holds.</summary>
    public void Edited()
    {
        RulesSaved = false;
        RulesProblems = [];
        Changed();
    }

    /// <summary>What the last preview recognised the file with this name as, if it has been read.</summary>
    public CrmFileKind? KindOf(string name) => Report?.Files.FirstOrDefault(f => f.Name == name)?.Kind;

    protected override async Task ForgetOrganizationAsync()
    {
        await ForgetFilesAsync();
        Mapping = null;
        Rules = null;
        RulesProblems = [];
        RulesSaved = false;
    }

    protected override async Task LoadAsync(MemberAccess member)
    {
        Roles = await ruleService.RolesAsync(member, Closing);
        Reps = await ruleService.RepsAsync(member, Closing);
        _remembered = await ruleService.RememberedAsync(member, Closing);
        _role = Roles.FirstOrDefault(r => r == "Full-Cycle Rep") ?? (Roles.Count > 0 ? Roles[0] : null);
        Load(await ruleService.GetAsync(member, Closing));
    }

    protected override async ValueTask ForgetUploadsAsync()
    {
        foreach (var (_, spool) in _files)
        {
            await spool.DisposeAsync();
        }
        _files.Clear();
    }

    private void Load(CrmRulesForm form)
    {
        Rules = form;
        _savedSignature = Signature(form);
    }

    private async Task RunAsync(bool dryRun)
    {
        Activity.Start(dryRun ? $"Reading {ImportText.Count(_files.Count, "file")} and classifying the records" : "Importing", null);
        RulesSaved = false;
        var files = _files.Select(f => new CrmFile(f.Name, () => f.Spool.OpenRead())).ToList();
        // A copy: edits made while the files are read must not change the rules half-way.
        var rules = Rules!.Copy();
        var signature = Signature(rules) + "|" + _role + "|" + ChoicesSignature();
        try
        {
            var choices = Choices();
            Report = await imports.ImportAsync(Member!, files, rules, _role, dryRun, choices.Over(_remembered), Activity.Status(), Closing);
            _previewedWith = signature;
            if (Report.Import.Imported)
            {
                await ruleService.RememberAsync(Member!, choices, Closing);
                _remembered = await ruleService.RememberedAsync(Member!, Closing);
                Mapping = null;
            }
        }
        catch (IOException exception)
        {
            // The temporary copies went away under the reader (the page was left, or the files dropped); nothing was written.
            Report = null;
            UploadError = $"The files could not be read to the end ({exception.Message}). Choose them again.";
            await ForgetUploadsAsync();
        }
    }

    /// <summary>The mapped owners that hold an address: the rest are left out, and named in <see cref="OwnerProblem"/>.</summary>
    private CrmImportChoices Choices()
    {
        var map = new Dictionary<string, CrmOwner>(StringComparer.OrdinalIgnoreCase);
        OwnerProblem = null;
        foreach (var (owner, email) in OwnerEmails.Where(o => !string.IsNullOrWhiteSpace(o.Value)))
        {
            if (EmailAddress.TryNormalize(email, out var address))
            {
                map[owner] = new CrmOwner(address, Reps.FirstOrDefault(r => r.Key.Equals(address, StringComparison.OrdinalIgnoreCase)).Value ?? owner);
            }
            else
            {
                OwnerProblem ??= $"'{email}' (for {owner}) is not an email address; choose a rep or type the new rep's address.";
            }
        }
        return new CrmImportChoices
        {
            Layout = Mapping?.ToLayout(),
            DateOrder = _dateOrder,
            OwnerMap = map,
            UserOverrides = _people.ToDictionary(p => p, _ => true, StringComparer.OrdinalIgnoreCase),
        };
    }

    private string ChoicesSignature() =>
        $"{(Mapping is null ? "" : JsonSerializer.Serialize(Mapping.ToLayout(), SignatureJson))}|{_dateOrder}|{string.Join(";", OwnerEmails.Where(o => !string.IsNullOrWhiteSpace(o.Value)).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value.Trim()}"))}|{string.Join(";", _people.Order(StringComparer.Ordinal))}";

    private static string Signature(CrmRulesForm form) =>
        JsonSerializer.Serialize(new { Rules = form.ToRules(), Minutes = form.ToMinutes() }, SignatureJson);
}
