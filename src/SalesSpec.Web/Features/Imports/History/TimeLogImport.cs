namespace SalesSpec.Web.Features.Imports.History;

/// <summary>
/// One import of time logs (a CSV or a CRM export) that was written, in the import history. For
/// <see cref="KeepDays"/> days the rows it replaced are kept beside it (<see cref="ReplacedTimeLog"/>), with the
/// rep-weeks it wrote (<see cref="ImportedRepWeek"/>), so that it can be rolled back.
/// </summary>
public sealed class TimeLogImport
{
    /// <summary>How long an import can be rolled back; after that its kept rows are dropped.</summary>
    public const int KeepDays = 7;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>The importer's name as it was then.</summary>
    public string ImportedBy { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>What was imported, in the audit log's words ("imported time logs from 'march.csv': …").</summary>
    public string Summary { get; set; } = "";

    public int RepWeeks { get; set; }

    /// <summary>How many of those rep-weeks had hours before, which a rollback restores; the rest become empty again.</summary>
    public int RepWeeksWithEarlierData { get; set; }

    public DateOnly? FirstWeek { get; set; }

    public DateOnly? LastWeek { get; set; }

    public DateTimeOffset? RolledBackAt { get; set; }

    public string? RolledBackBy { get; set; }

    public DateTimeOffset KeptUntil => At.AddDays(KeepDays);
}

/// <summary>A rep-week an import wrote, with the timesheet's version right after it: a later change raises it.</summary>
public sealed class ImportedRepWeek
{
    public long Id { get; set; }

    public int OrganizationId { get; set; }

    public int ImportId { get; set; }

    public int RepId { get; set; }

    public DateOnly WeekStart { get; set; }

    /// <summary>Null when the week had no timesheet after the import; one appearing later is a change too.</summary>
    public int? TimesheetVersion { get; set; }
}

/// <summary>A time-log row an import replaced, kept to put back if the import is rolled back.</summary>
public sealed class ReplacedTimeLog
{
    public long Id { get; set; }

    public int OrganizationId { get; set; }

    public int ImportId { get; set; }

    public int RepId { get; set; }

    public int ActivityId { get; set; }

    public DateOnly WeekStart { get; set; }

    public decimal Hours { get; set; }
}
