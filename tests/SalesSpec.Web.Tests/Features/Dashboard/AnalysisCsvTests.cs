using System.Net;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Formats.AnalysisCsv;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Dashboard;

public sealed class AnalysisCsvTests
{
    [Fact]
    public async Task The_dashboards_csv_export_has_a_row_per_rep_with_shares_and_focus()
    {
        await using var app = new AppFactory();
        var leader = await app.SignedInAsync("leader@demo.salesspec");

        using var response = await leader.GetAsync(new Uri("/api/v1/organizations/1/analysis.csv?from=2026-W36&to=2026-W47&team=Commercial", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "spreadsheets need the byte-order mark to read UTF-8");
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(string.Join(",", AnalysisCsvWriter.Header));
        lines.Length.ShouldBe(7);
        lines.Single(l => l.StartsWith("olivia.patel@northwind.test,", StringComparison.Ordinal)).ShouldEndWith(",Unfocused");
        (await (await app.SignedInAsync("rep@demo.salesspec")).GetAsync(new Uri("/api/v1/organizations/1/analysis.csv", UriKind.Relative))).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_neutralised()
    {
        var rep = new RepFigures("x@acme.test", "=HYPERLINK(\"http://evil\")", "+Team", "@Role", Workload.Closing, 10m, 1m, 0m, 0m, Focus.Focused,
            new Dictionary<SalesFunction, decimal> { [SalesFunction.Closing] = 10m });
        var result = new AnalysisResult(IsoWeek.Of(2026, 47), IsoWeek.Of(2026, 47), 1, OrganizationTemplate.FourRoles, 0.2m, 40m, 10m, 1m,
            [], new HoursShare(0m, 0m), [], [rep], [], []);
        using var writer = new StringWriter();

        AnalysisCsvWriter.Write(result, writer);

        var row = writer.ToString().Split("\r\n")[1];
        row.ShouldBe("x@acme.test,\"'=HYPERLINK(\"\"http://evil\"\")\",\"'+Team\",\"'@Role\",Closing,10,0,0,10,0,0,1,0,0,Focused");
    }
}
