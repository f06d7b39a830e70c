using System.Text.Json.Serialization;
using SalesSpec.Domain.Crm;

namespace SalesSpec.Formats.CrmCsv;

/// <summary>
/// A consultant's word on which column of a file holds what, for a file SalesSpec does not recognise (a translated
/// HubSpot export, a client's own report): the columns by their header as the file writes it (matched like every
/// header: case, spaces and punctuation do not count). Owner and date are needed; the rest is optional.
/// </summary>
public sealed record CrmLayout
{
    public const int MaxNameLength = 60;
    public const int MaxColumnLength = 200;

    /// <summary>What the organisation calls it ("Acme weekly activity report"); an import names it with <c>layout=</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>The record's owner: an email, a name, or an id of the users file.</summary>
    public string Owner { get; init; } = "";

    /// <summary>The record's date or timestamp.</summary>
    public string Date { get; init; } = "";

    /// <summary>How long the record took; none: each record takes its type's standard minutes.</summary>
    public string? Duration { get; init; }

    /// <summary>The unit of plain numbers in <see cref="Duration"/> (h:mm:ss values are read as such whatever it is).</summary>
    public CrmDurationUnit DurationUnit { get; init; } = CrmDurationUnit.Minutes;

    public string? Subject { get; init; }

    /// <summary>Call, email, meeting or task (as the CRM writes them, in English, German, French or Spanish); none: <see cref="RecordType"/>.</summary>
    public string? Type { get; init; }

    /// <summary>Completed, open, cancelled, no-show…: open tasks and cancelled meetings bring no hours, as in the known exports.</summary>
    public string? Status { get; init; }

    /// <summary>The type of every record when the file has no type column, or its cell is empty.</summary>
    public CrmActivityType RecordType { get; init; } = CrmActivityType.Task;

    /// <summary>The columns the layout names, in the order of the mapping step.</summary>
    [JsonIgnore]
    public IEnumerable<string> Columns => new[] { Owner, Date, Duration, Subject, Type, Status }.OfType<string>().Where(c => c.Trim().Length > 0);

    /// <summary>
    /// Whether a file with this header row has every column the layout names: written exactly so (ignoring case), or
    /// else matching exactly one header cell the way every header is matched.
    /// </summary>
    public bool Fits(IEnumerable<string> header) => Owner.Trim().Length > 0 && Date.Trim().Length > 0 && MissingFrom(header).Count == 0;

    /// <summary>The columns the layout names that a file with this header row lacks (or has twice, under one name).</summary>
    public IReadOnlyList<string> MissingFrom(IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var cells = header.Select(h => h.Trim().TrimStart('\uFEFF').Trim()).ToList();
        bool Has(string column) =>
            cells.Any(c => string.Equals(c, column.Trim(), StringComparison.OrdinalIgnoreCase))
            || cells.Count(c => HeaderKey.Of(c).Key == HeaderKey.Of(column).Key) == 1;
        return Columns.Where(c => !Has(c)).ToList();
    }
}

/// <summary>What a plain number in a mapped duration column counts.</summary>
public enum CrmDurationUnit
{
    Seconds,
    Minutes,
    Hours,
}
