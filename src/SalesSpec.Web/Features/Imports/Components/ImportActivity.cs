namespace SalesSpec.Web.Features.Imports.Components;

/// <summary>
/// What an import page is doing while it works (uploading, checking, importing, waiting for another
/// import) and how far the upload has come. Progress&lt;T&gt; calls back on the circuit's synchronisation
/// context, so <paramref name="changed"/> redraws from there.
/// </summary>
public sealed class ImportActivity(Action changed)
{
    /// <summary>The words shown, or null when the page waits for the user.</summary>
    public string? Busy { get; private set; }

    /// <summary>The share of the upload done, or null while the work has no measure.</summary>
    public double? Done { get; private set; }

    public void Start(string what, double? done)
    {
        Busy = what;
        Done = done;
        changed();
    }

    public void Stop()
    {
        Busy = null;
        changed();
    }

    /// <summary>The upload's share done; redraws only when the percent moves.</summary>
    public Progress<double> Progress() => new(value =>
    {
        if ((int)(value * 100) != (int)((Done ?? 0) * 100))
        {
            Done = value;
            changed();
        }
    });

    /// <summary>What the import is doing when it is not reading: waiting for another import of the same people, say.</summary>
    public Progress<string> Status() => new(what =>
    {
        if (Busy is not null)
        {
            Busy = what;
            changed();
        }
    });
}
