using SalesSpec.Domain.Common;

namespace SalesSpec.Domain.Workshops;

/// <summary>
/// The short code a room types (or scans) to join a workshop: 8 characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L, 5/S or 2/Z), so a code read off a projector is typed right. 27⁸ ≈ 2.8 × 10¹¹ codes:
/// with the join page's rate limit, guessing one of a handful of open sessions is impractical.
/// </summary>
public readonly record struct JoinCode
{
    public const int Length = 8;

    /// <summary>Upper-case letters and digits that cannot be mistaken for one another on a projector or a phone.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRTUVWXY346789";

    private JoinCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>A new code from <paramref name="next"/>, which returns a uniformly random number in [0, max).</summary>
    public static JoinCode Create(Func<int, int> next)
    {
        var characters = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            characters[i] = Alphabet[next(Alphabet.Length)];
        }
        return new JoinCode(new string(characters));
    }

    /// <summary>
    /// Reads a code as people type it: any case, spaces and dashes ignored ("abcd-efgh"). Anything else — a wrong
    /// length, a character outside the alphabet — is not a code.
    /// </summary>
    public static bool TryParse(string? text, out JoinCode code)
    {
        code = default;
        if (text is null || text.Length > 4 * Length)
        {
            return false;
        }
        var characters = text.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray();
        if (characters.Length != Length || characters.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }
        code = new JoinCode(new string(characters));
        return true;
    }

    public static JoinCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new DomainRuleException($"'{text}' is not a join code.");

    /// <summary>As shown large on the projector: two groups of four ("ABCD-EFGH").</summary>
    public string Display => Value is null ? "" : Value[..4] + "-" + Value[4..];

    public override string ToString() => Value ?? "";
}
