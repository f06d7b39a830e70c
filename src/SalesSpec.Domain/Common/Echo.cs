namespace SalesSpec.Domain.Common;

/// <summary>
/// Input repeated back in a message is cut to <see cref="MaxLength"/> characters: a 48 MB field must not turn
/// into a 48 MB error (or five of them), and nobody reads past the first line of a wrong value anyway.
/// </summary>
public static class Echo
{
    public const int MaxLength = 200;

    public static string Cut(string? text) =>
        text is null ? "" : text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 1), "…");
}
