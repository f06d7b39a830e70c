using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.TimeLogCsv;

namespace SalesSpec.Formats.Tests.TimeLogCsv;

/// <summary>The reader as the tests call it: the default catalogue, two known roles, the role column required.</summary>
internal static class TimeLogCsvFixture
{
    public static readonly TimeLogCsvOptions Options = new()
    {
        Activities = TimeLogCsvOptions.DefaultActivities,
        KnownRoles = ["Account Executive", "Full-Cycle Rep"],
        RoleRequired = true,
    };

    public static (TimeLogCsvReport Report, List<TimeLogCsvRow> Rows) Read(string text, TimeLogCsvOptions? options = null)
    {
        var rows = new List<TimeLogCsvRow>();
        var report = TimeLogCsvReader.Read(new StringReader(text), options ?? Options, rows.Add);
        return (report, rows);
    }
}
