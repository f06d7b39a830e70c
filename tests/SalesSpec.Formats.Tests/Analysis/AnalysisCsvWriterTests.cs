using SalesSpec.Formats.AnalysisCsv;

namespace SalesSpec.Formats.Tests.Analysis;

/// <summary>The analysis per rep as CSV: one row per rep, hours per function, shares, focus; formulas stay text.</summary>
public sealed class AnalysisCsvWriterTests
{
    [Fact]
    public void Each_rep_is_one_row_with_hours_per_function_and_rounded_shares()
    {
        var text = new StringWriter();

        AnalysisCsvWriter.Write(AnalysisSample.Result(), text);

        text.ToString().Split("\r\n").ShouldBe(
        [
            "email,name,team,role,core_workload,hours,inbound_qualification_hours,outbound_prospecting_hours,closing_hours,post_sales_hours,non_selling_hours,core_share,non_core_share,non_selling_share,focus",
            "ana@acme.test,\"'=Ana\",East,Full-Cycle Rep,Closing,60.1235,20.1235,0,30,0,10,0.5,0.333333,0.166667,Unfocused",
            "bo@acme.test,Bo,,Account Executive,Closing,20,0,0,20,0,0,1,0,0,Focused",
            "",
        ]);
    }

    [Fact]
    public void The_text_writer_stays_open()
    {
        var text = new StringWriter();

        AnalysisCsvWriter.Write(AnalysisSample.Result() with { Reps = [] }, text);
        text.Write("x");

        text.ToString().ShouldEndWith("focus\r\nx");
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Should.Throw<ArgumentNullException>(() => AnalysisCsvWriter.Write(null!, new StringWriter()));
        Should.Throw<ArgumentNullException>(() => AnalysisCsvWriter.Write(AnalysisSample.Result(), null!));
    }
}
