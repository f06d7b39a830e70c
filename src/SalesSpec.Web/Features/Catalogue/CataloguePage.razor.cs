using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesSpec.Web.Features.Catalogue.Components;
using SalesSpec.Web.Features.Catalogue.Services;

namespace SalesSpec.Web.Features.Catalogue;

/// <summary>The activity catalogue: every change goes through <see cref="CatalogueService"/> with the version the page read.</summary>
public sealed partial class CataloguePage
{
    private MemberAccess? _member;
    private CatalogueView? _view;
    private string? _pageError;
    private bool _showArchived;
    private bool _busy;

    [Inject]
    private CatalogueService Catalogue { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    private IReadOnlyList<CatalogueRow> Visible =>
        _view?.Activities.Where(a => _showArchived || !a.Archived).ToList() ?? [];

    private int ArchivedCount => _view?.Activities.Count(a => a.Archived) ?? 0;

    protected override async Task OnMemberAsync(MemberAccess? member)
    {
        _pageError = null;
        _view = null;
        _member = member;
        if (_member is null)
        {
            _pageError = NoAccessMessage;
            return;
        }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var outcome = await Catalogue.ViewAsync(_member!);
        _view = outcome.Value;
        _pageError = outcome.Succeeded ? null : outcome.Message;
    }

    private async Task AddedAsync(CatalogueRow row)
    {
        Snackbar.Add($"Added {row.DisplayName} at the end of the catalogue.", Severity.Success);
        await LoadAsync();
    }

    /// <summary>Up or down one place among the activities shown: the neighbour's position is taken.</summary>
    private Task MoveAsync((CatalogueRow Row, int Direction) move)
    {
        var visible = Visible;
        var index = visible.ToList().FindIndex(r => r.Id == move.Row.Id) + move.Direction;
        if (index < 0 || index >= visible.Count)
        {
            return Task.CompletedTask;
        }
        var word = move.Direction < 0 ? "up" : "down";
        return ApplyAsync(move.Row, new ActivityPatch(move.Row.Version, SortOrder: visible[index].SortOrder), $"Moved {move.Row.DisplayName} {word}.");
    }

    private Task RenameAsync((CatalogueRow Row, string Name) rename) =>
        ApplyAsync(rename.Row, new ActivityPatch(rename.Row.Version, Name: rename.Name), $"Renamed {rename.Row.DisplayName} to {rename.Name.Trim()}.");

    private Task ArchiveAsync(CatalogueRow row) =>
        ApplyAsync(row, new ActivityPatch(row.Version, Archived: !row.Archived),
            row.Archived ? $"Restored {row.DisplayName}: reps can log it again." : $"Archived {row.DisplayName}: its hours stay, reps no longer log it.");

    private async Task ChangeFunctionAsync(CatalogueRow row)
    {
        var parameters = new DialogParameters<ChangeFunctionDialog>
        {
            { d => d.Row, row },
            { d => d.SuggestedWeek, Catalogue.RecentPeriod(_member!).To.AddWeeks(1).ToString() },
        };
        var dialog = await Dialogs.ShowAsync<ChangeFunctionDialog>($"Change the function of {row.DisplayName}", parameters);
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not ActivityPatch patch)
        {
            return;
        }
        var message = patch.StartsSuccessor
            ? $"{row.DisplayName} is archived; from {patch.FromWeek} on its hours count for {Labels.Of(patch.Function!.Value).ToLowerInvariant()} under its successor."
            : $"{row.DisplayName} now counts for {Labels.Of(patch.Function!.Value).ToLowerInvariant()} in every week.";
        await ApplyAsync(row, patch, message);
    }

    private async Task ApplyAsync(CatalogueRow row, ActivityPatch patch, string done)
    {
        _busy = true;
        try
        {
            var outcome = await Catalogue.ChangeAsync(_member!, row.Id, patch);
            Snackbar.Add(outcome.Succeeded ? done : outcome.Message, outcome.Succeeded ? Severity.Success : Severity.Warning);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
