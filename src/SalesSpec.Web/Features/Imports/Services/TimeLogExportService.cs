using System.Runtime.CompilerServices;
using System.Text;
using SalesSpec.Formats.TimeLogCsv;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>
/// Time logs out, in the import's own format: streamed from the database to the response in small
/// batches, so an export of millions of rows needs no more memory than one of ten.
/// </summary>
public sealed class TimeLogExportService(OrganizationAccess access)
{
    private const int RowsPerWrite = 2000;

    /// <summary>The time logs the member may see, oldest week first; <paramref name="from"/> and <paramref name="to"/> are optional.</summary>
    public async IAsyncEnumerable<TimeLogCsvRecord> RowsAsync(
        MemberAccess member, IsoWeek? from, IsoWeek? to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await access.OpenAsync(member, cancellationToken);
        var logs = db.TimeLogs.AsNoTracking();
        if (from is { } first)
        {
            logs = logs.Where(t => t.WeekStart >= first.Monday);
        }
        if (to is { } last)
        {
            logs = logs.Where(t => t.WeekStart <= last.Monday);
        }
        if (!member.SeesWholeOrganization)
        {
            var teams = member.ManagedTeamIds.ToList();
            var ownRep = member.RepId;
            logs = logs.Where(t => (t.Rep.TeamId != null && teams.Contains(t.Rep.TeamId.Value)) || t.RepId == ownRep);
        }
        var rows = logs
            .OrderBy(t => t.WeekStart).ThenBy(t => t.Rep.Email).ThenBy(t => t.Activity.Name)
            .Select(t => new
            {
                t.WeekStart,
                t.Rep.Email,
                t.Rep.Name,
                Team = t.Rep.Team == null ? null : t.Rep.Team.Name,
                Role = t.Rep.Role.Name,
                Activity = t.Activity.Name,
                t.Activity.Function,
                t.Hours,
            })
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        await foreach (var row in rows)
        {
            yield return new TimeLogCsvRecord(IsoWeek.FromMonday(row.WeekStart), row.Email, row.Name, row.Team, row.Role, row.Activity, row.Function, row.Hours);
        }
    }

    /// <summary>Writes the CSV (UTF-8 with a byte-order mark, for spreadsheets) to <paramref name="output"/>; returns the rows written.</summary>
    public async Task<int> WriteCsvAsync(MemberAccess member, IsoWeek? from, IsoWeek? to, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(Encoding.UTF8.GetPreamble(), cancellationToken);
        var buffer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new TimeLogCsvWriter(buffer);
        var count = 0;
        await foreach (var record in RowsAsync(member, from, to, cancellationToken))
        {
            csv.Write(record);
            if (++count % RowsPerWrite == 0)
            {
                await DrainAsync(csv, buffer, output, cancellationToken);
            }
        }
        await DrainAsync(csv, buffer, output, cancellationToken);
        return count;
    }

    // The response body takes only asynchronous writes; the CSV writer is synchronous, so it writes to
    // a small in-memory buffer that is passed on and emptied every few thousand rows.
    private static async Task DrainAsync(TimeLogCsvWriter csv, StringWriter buffer, Stream output, CancellationToken cancellationToken)
    {
        csv.Flush();
        var text = buffer.GetStringBuilder();
        if (text.Length > 0)
        {
            await output.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
            text.Clear();
        }
    }
}
