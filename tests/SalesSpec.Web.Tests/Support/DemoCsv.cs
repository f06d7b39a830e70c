using System.Globalization;
using System.Text;
using SalesSpec.Web.Features.Demo;

namespace SalesSpec.Web.Tests.Support;

/// <summary>The demo organisation's time logs as a time-log CSV (formats.md §1), rows shuffled.</summary>
public static class DemoCsv
{
    public static string Write(DemoData demo)
    {
        var text = new StringBuilder("week,rep_email,rep_name,team,role,activity,hours\n");
        foreach (var log in demo.TimeLogs.OrderBy(l => l.Hours).ThenBy(l => l.Activity.Name, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{log.Week},{log.Rep.Email},{log.Rep.Name},{log.Rep.Team?.Name},{log.Rep.Role.Name},{log.Activity.Name},{log.Hours}\n");
        }
        return text.ToString();
    }
}
