using FluentValidation;
using SalesSpec.Web.Features.People.Services;

namespace SalesSpec.Web.Features.People;

/// <summary>
/// What the people page holds, without rendering: the search, the ticked rows, the one row edited in
/// place with its draft, errors and team history, and what reloads after a change.
/// </summary>
public sealed class PeoplePageModel(PeopleService people, IValidator<RepEdit> validator, TimeProvider clock, Action<string, MudBlazor.Severity> notify, Func<Task> reloadGrid)
{
    private Dictionary<string, string> _errors = [];
    private int? _editingId;

    public bool Loading { get; private set; } = true;

    public MemberAccess? Member { get; private set; }

    public bool MayManage => Member?.May(Permission.ManagePeople) == true;

    public PeopleOptions Options { get; private set; } = new([], []);

    public HashSet<RepDocument> Selected { get; set; } = [];

    public string Search { get; private set; } = "";

    public RepEdit Draft { get; private set; } = new();

    public string? Problem { get; private set; }

    public IReadOnlyList<RepTeamSpan> History { get; private set; } = [];

    public string ThisWeek => Member!.ThisWeek(clock).ToString();

    public async Task OpenAsync(MemberAccess? member)
    {
        Loading = true;
        Member = member;
        if (MayManage)
        {
            Options = await people.OptionsAsync(Member!);
        }
        Loading = false;
    }

    /// <summary>One page of the grid, searched and sorted on the server; <paramref name="page"/> counts from 0 as the grid does.</summary>
    public Task<RepPage> PageAsync(int page, int pageSize, string? sortBy, bool descending, CancellationToken cancellationToken) =>
        people.PageAsync(Member!, new RepQuery(Search, page + 1, pageSize, sortBy, descending), cancellationToken);

    public async Task SearchAsync(string? search)
    {
        Search = search ?? "";
        await ReloadAsync();
    }

    public async Task ReloadAsync()
    {
        Options = await people.OptionsAsync(Member!);
        await reloadGrid();
    }

    public async Task MovedAsync()
    {
        Selected = [];
        await ReloadAsync();
    }

    public bool IsEditing(RepDocument rep) => _editingId == rep.Id;

    public async Task EditAsync(RepDocument rep)
    {
        _editingId = rep.Id;
        Draft = RepEdit.From(rep);
        _errors = [];
        Problem = null;
        History = [];
        History = await people.TeamHistoryAsync(Member!, rep.Id) ?? [];
    }

    public void Cancel()
    {
        _editingId = null;
        _errors = [];
        Problem = null;
    }

    public async Task SaveAsync()
    {
        _errors = await validator.FieldErrorsAsync(Draft);
        if (_errors.Count > 0)
        {
            return;
        }
        var saved = await people.UpdateAsync(Member!, _editingId!.Value, Draft);
        if (!saved.Succeeded)
        {
            Problem = saved.Message;
            return;
        }
        notify($"{saved.Value!.Name} saved.", MudBlazor.Severity.Success);
        Cancel();
        await ReloadAsync();
    }

    public bool HasError(string property) => _errors.ContainsKey(property);

    public string? ErrorOf(string property) => _errors.GetValueOrDefault(property);
}
