using FluentValidation;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesSpec.Web.Features.People.Components;
using SalesSpec.Web.Features.People.Services;

namespace SalesSpec.Web.Features.People;

/// <summary>The people grid: searched and paged on the server, edited in place, with the version each row was read with.</summary>
public sealed partial class PeoplePage
{
    private PeoplePageModel _model = null!;
    private PeopleGrid? _grid;

    [Inject]
    private PeopleService People { get; set; } = null!;

    [Inject]
    private IValidator<RepEdit> Validator { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    protected override void OnInitialized() =>
        _model = new PeoplePageModel(People, Validator, Clock, (message, severity) => Snackbar.Add(message, severity), ReloadGridAsync);

    protected override Task OnMemberAsync(MemberAccess? member) => _model.OpenAsync(member);

    private Task ReloadGridAsync() => _grid is null ? Task.CompletedTask : _grid.ReloadAsync();
}
