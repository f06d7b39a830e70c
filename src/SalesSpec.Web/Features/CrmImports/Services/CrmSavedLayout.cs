using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;

namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>
/// A layout of columns (<see cref="CrmLayout"/>) an organisation's consultant mapped for a file SalesSpec does not
/// recognise, kept after an import went through: later imports read such files through it by themselves, and the API
/// names it with <c>layout=</c>.
/// </summary>
public sealed class CrmSavedLayout
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public string Name { get; set; } = "";

    public string Owner { get; set; } = "";

    public string Date { get; set; } = "";

    public string? Duration { get; set; }

    public CrmDurationUnit DurationUnit { get; set; } = CrmDurationUnit.Minutes;

    public string? Subject { get; set; }

    public string? Type { get; set; }

    public string? Status { get; set; }

    public CrmActivityType RecordType { get; set; } = CrmActivityType.Task;

    public DateTimeOffset UpdatedAt { get; set; }

    public CrmLayout ToLayout() => new()
    {
        Name = Name,
        Owner = Owner,
        Date = Date,
        Duration = Duration,
        DurationUnit = DurationUnit,
        Subject = Subject,
        Type = Type,
        Status = Status,
        RecordType = RecordType,
    };

    public void Take(CrmLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        (Owner, Date, Duration, DurationUnit, Subject, Type, Status, RecordType) =
            (layout.Owner.Trim(), layout.Date.Trim(), Blank(layout.Duration), layout.DurationUnit, Blank(layout.Subject), Blank(layout.Type), Blank(layout.Status), layout.RecordType);
    }

    private static string? Blank(string? column) => string.IsNullOrWhiteSpace(column) ? null : column.Trim();
}
