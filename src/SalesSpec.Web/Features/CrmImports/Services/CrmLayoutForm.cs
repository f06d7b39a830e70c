using System.Text.RegularExpressions;
using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;

namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>The mapping step on screen: which column of a file SalesSpec does not recognise holds what ("" is none).</summary>
public sealed partial class CrmLayoutForm
{
    public string Name { get; set; } = "";

    public string Owner { get; set; } = "";

    public string Date { get; set; } = "";

    public string Duration { get; set; } = "";

    public CrmDurationUnit DurationUnit { get; set; } = CrmDurationUnit.Minutes;

    public string Subject { get; set; } = "";

    public string Type { get; set; } = "";

    public string Status { get; set; } = "";

    public CrmActivityType RecordType { get; set; } = CrmActivityType.Task;

    public CrmLayout ToLayout() => new()
    {
        Name = Name.Trim(),
        Owner = Owner,
        Date = Date,
        Duration = None(Duration),
        DurationUnit = DurationUnit,
        Subject = None(Subject),
        Type = None(Type),
        Status = None(Status),
        RecordType = RecordType,
    };

    public static CrmLayoutForm From(CrmLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new CrmLayoutForm
        {
            Name = layout.Name,
            Owner = layout.Owner,
            Date = layout.Date,
            Duration = layout.Duration ?? "",
            DurationUnit = layout.DurationUnit,
            Subject = layout.Subject ?? "",
            Type = layout.Type ?? "",
            Status = layout.Status ?? "",
            RecordType = layout.RecordType,
        };
    }

    /// <summary>
    /// A first guess from the header, named after the file: columns whose names say owner, date, duration, subject, type
    /// or status (in English, German, French or Spanish) are chosen; the consultant checks and corrects them.
    /// </summary>
    public static CrmLayoutForm Guess(string fileName, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(columns);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        string Find(params string[] words)
        {
            var column = columns.FirstOrDefault(c => !taken.Contains(c) && words.Any(w => CrmText.Plain(c).Contains(w, StringComparison.Ordinal))) ?? "";
            if (column.Length > 0)
            {
                taken.Add(column);
            }
            return column;
        }
        var name = Path.GetFileNameWithoutExtension(fileName).Trim();
        var form = new CrmLayoutForm { Name = name.Length > CrmLayout.MaxNameLength ? name[..CrmLayout.MaxNameLength].Trim() : name };
        // A header that names a time unit in parentheses ("Time (h)", "Talk time (sec)") is the duration, in that unit.
        var timed = columns.Select(c => (Column: c, Unit: UnitInHeader().Match(c))).FirstOrDefault(c => c.Unit.Success);
        if (timed.Column is not null)
        {
            taken.Add(timed.Column);
        }
        form.Owner = Find("OWNER", "ASSIGNED", "USER", "REP", "AGENT", "EMAIL", "MEMBER", "MITARBEITER", "VERTRIEB", "ZUGEWIESEN", "BESITZER", "PROPRIETAIRE", "ASIGNADO", "PROPIETARIO");
        form.Duration = timed.Column ?? Find("DURATION", "MINUTE", "HOUR", "SECOND", "DAUER", "STUNDEN", "DUREE", "DURACION", "TIMESPENT");
        form.Date = Find("DATE", "DAY", "DATUM", "TAG", "FECHA", "JOUR", "TIMESTAMP", "WHEN");
        form.Subject = Find("SUBJECT", "TITLE", "NAME", "BETREFF", "TITEL", "SUJET", "ASUNTO");
        form.Type = Find("TYPE", "KIND", "TYP", "TIPO");
        form.Status = Find("STATUS", "OUTCOME", "RESULT", "STATUT", "ESTADO", "ERGEBNIS");
        form.DurationUnit = CrmText.Plain(timed.Column is null ? form.Duration : timed.Unit.Groups[1].Value) switch
        {
            var d when d.Contains("SEC", StringComparison.Ordinal) || d.Contains("SEK", StringComparison.Ordinal) || d == "S" => CrmDurationUnit.Seconds,
            var d when d.Contains("HOUR", StringComparison.Ordinal) || d.Contains("STD", StringComparison.Ordinal) || d.Contains("STUNDE", StringComparison.Ordinal) || d.Contains("HR", StringComparison.Ordinal) || d.EndsWith('H') => CrmDurationUnit.Hours,
            _ => CrmDurationUnit.Minutes,
        };
        return form;
    }

    [GeneratedRegex(@"\(\s*(h|hrs?|hours?|std|stunden|min|mins|minutes?|minuten|s|secs?|seconds?|sekunden)\s*\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitInHeader();

    private static string? None(string column) => string.IsNullOrWhiteSpace(column) ? null : column;
}
