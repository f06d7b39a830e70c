using System.Globalization;
using CsvHelper;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Formats.AnalysisCsv;

/// <summary>
/// The analysis per rep as CSV, for a spreadsheet: one row per included rep with their hours per
/// function, shares and focus. Text cells that a spreadsheet would run as a formula are neutralised.
/// </summary>
public static class AnalysisCsvWriter
{
    public static readonly string[] Header =
    [
        "email", "name", "team", "role", "core_workload", "hours",
        "inbound_qualification_hours", "outbound_prospecting_hours", "closing_hours", "post_sales_hours", "non_selling_hours",
        "core_share", "non_core_share", "non_selling_share", "focus",
    ];

    public static void Write(AnalysisResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var options = new CsvWriterOptions
        {
            FormatProvider = CultureInfo.InvariantCulture,
            NewLine = "\r\n",
            // A name like "=HYPERLINK(…)" must stay text when the file is opened in a spreadsheet.
            Injection = CsvInjection.Escape,
        };
        using var csv = CsvWriter.Create(writer, options, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var rep in result.Reps)
        {
            csv.WriteRecord(
            [
                rep.Email, rep.Name, rep.Team ?? "", rep.Role, rep.CoreWorkload.ToString(), Number(rep.Hours),
                Number(rep.HoursByFunction.GetValueOrDefault(SalesFunction.InboundQualification)),
                Number(rep.HoursByFunction.GetValueOrDefault(SalesFunction.OutboundProspecting)),
                Number(rep.HoursByFunction.GetValueOrDefault(SalesFunction.Closing)),
                Number(rep.HoursByFunction.GetValueOrDefault(SalesFunction.PostSales)),
                Number(rep.HoursByFunction.GetValueOrDefault(SalesFunction.NonSelling)),
                Share(rep.CoreShare), Share(rep.NonCoreShare), Share(rep.NonSellingShare), rep.Focus.ToString(),
            ]);
        }
        csv.Flush();
    }

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Share(decimal value) => decimal.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
