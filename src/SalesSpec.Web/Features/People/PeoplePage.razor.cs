using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SalesSpec.Web.Features.Access;

namespace SalesSpec.Web.Features.People;

/// <summary>The people grid: searched and paged on the server, edited in place, with the version each row was read with.</summary>
public sealed partial class PeoplePage
{
    private bool _loading = true;
    private MemberAccess? _member;
    private PeopleOptions _options = new([], []);
    private MudDataGrid<RepDocument>? _grid;
    private HashSet<RepDocument> _selected = [];
    private string _search = "";
    private int? _editingId;
    private RepEdit _draft = new();
    private Dictionary<string, string> _errors = [];
    private string? _problem;
    private IReadOnlyList<RepTeamSpan> _history = [];

    [Inject]
    private OrganizationAccess Access { get; set; } = null!;

    [Inject]
    private PeopleService People { get; set; } = null!;

    [Inject]
    private IValidator<RepEdit> Validator { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Parameter]
    public int OrganizationId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _member = await Access.ForAsync((await AuthenticationState).User, OrganizationId);
        if (_member?.May(Domain.Access.Permission.ManagePeople) == true)
        {
            _options = await People.OptionsAsync(_member);
        }
        _loading = false;
    }

    private async Task<GridData<RepDocument>> LoadAsync(GridState<RepDocument> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var page = await People.PageAsync(_member!, new RepQuery(_search, state.Page + 1, state.PageSize, sort?.SortBy, sort?.Descending ?? false), cancellationToken);
        return new GridData<RepDocument> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task SearchAsync(string? search)
    {
        _search = search ?? "";
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _options = await People.OptionsAsync(_member!);
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task MovedAsync()
    {
        _selected = [];
        await ReloadAsync();
    }

    private bool IsEditing(RepDocument rep) => _editingId == rep.Id;

    private async Task Edit(RepDocument rep)
    {
        _editingId = rep.Id;
        _draft = RepEdit.From(rep);
        _errors = [];
        _problem = null;
        _history = [];
        _history = await People.TeamHistoryAsync(_member!, rep.Id) ?? [];
    }

    private string ThisWeek => _member!.ThisWeek(Clock).ToString();

    private void Cancel()
    {
        _editingId = null;
        _errors = [];
        _problem = null;
    }

    private async Task SaveAsync()
    {
        var validation = await Validator.ValidateAsync(_draft);
        _errors = validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        if (!validation.IsValid)
        {
            return;
        }
        var saved = await People.UpdateAsync(_member!, _editingId!.Value, _draft);
        if (!saved.Succeeded)
        {
            _problem = saved.Message;
            return;
        }
        Snackbar.Add($"{saved.Value!.Name} saved.", MudBlazor.Severity.Success);
        Cancel();
        await ReloadAsync();
    }

    private bool HasError(string property) => _errors.ContainsKey(property);

    private string? ErrorOf(string property) => _errors.GetValueOrDefault(property);
}
