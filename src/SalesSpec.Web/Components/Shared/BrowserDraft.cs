using Microsoft.JSInterop;

namespace SalesSpec.Web.Components.Shared;

/// <summary>
/// One page's unsaved edits, kept in the browser's local storage under one key, so that they outlive the circuit
/// that holds them (a dropped connection, a reload, the loss of the server instance). The page says what its edits
/// are after each render (<see cref="KeepAsync"/>); this writes only when they changed and removes them once gone.
/// Local storage that refuses (private mode, full) leaves the page working as before, without a kept draft.
/// </summary>
public sealed class BrowserDraft(IJSRuntime js)
{
    private string? _written;

    /// <summary>The key looked at last (<see cref="OpenAsync"/>); a page on another week or scenario has another key.</summary>
    public string? Key { get; private set; }

    /// <summary>Moves to a key and returns what is kept there, if anything.</summary>
    public async Task<string?> OpenAsync(string key)
    {
        Key = key;
        _written = null;
        var json = await TryAsync(() => js.InvokeAsync<string?>("localStorage.getItem", key).AsTask());
        // Whatever is there counts as written until the page says otherwise, so an unchanged draft is not written again.
        _written = json is null ? null : "\0kept";
        return json;
    }

    /// <summary>
    /// Keeps the page's unsaved edits: <paramref name="content"/> is what they are (without a time stamp, so the same
    /// edits compare equal), <paramref name="json"/> what to store; both null when there are none.
    /// </summary>
    public async Task KeepAsync(string? content, Func<string>? json)
    {
        if (Key is null)
        {
            return;
        }
        if (content is null)
        {
            if (_written is not null)
            {
                await ForgetAsync();
            }
            return;
        }
        if (content != _written && json is not null)
        {
            // Noted before the call: a render during it (a save, say) must know there is something to remove.
            _written = content;
            await TryAsync(async () =>
            {
                await js.InvokeVoidAsync("localStorage.setItem", Key, json());
                return "";
            });
        }
    }

    /// <summary>Removes the kept draft (saved, discarded, or no longer applicable).</summary>
    public async Task ForgetAsync()
    {
        _written = null;
        if (Key is { } key)
        {
            await TryAsync(async () =>
            {
                await js.InvokeVoidAsync("localStorage.removeItem", key);
                return "";
            });
        }
    }

    private static async Task<string?> TryAsync(Func<Task<string?>> call)
    {
        try
        {
            return await call();
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone: what it kept, it keeps.
            return null;
        }
        catch (JSException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            // The call timed out or the circuit is closing: a kept draft is a convenience, never an error.
            return null;
        }
    }
}
