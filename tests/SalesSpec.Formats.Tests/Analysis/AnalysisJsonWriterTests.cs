using System.Text.Json;
using SalesSpec.Formats.AnalysisJson;

namespace SalesSpec.Formats.Tests.Analysis;

/// <summary>The analysis JSON of formats.md §3: camelCase, enums as strings, shares as fractions, ISO dates.</summary>
public sealed class AnalysisJsonWriterTests
{
    private static JsonElement Json() => JsonDocument.Parse(AnalysisJsonWriter.Serialize(AnalysisSample.Result())).RootElement;

    [Fact]
    public void The_period_and_settings_are_given_with_iso_dates_from_monday_to_sunday()
    {
        var json = Json();

        json.GetProperty("from").GetString().ShouldBe("2026-11-02");
        json.GetProperty("to").GetString().ShouldBe("2026-11-15");
        json.GetProperty("weeks").GetInt32().ShouldBe(2);
        json.GetProperty("template").GetString().ShouldBe("FourRoles");
        json.GetProperty("threshold").GetDouble().ShouldBe(0.2);
        json.GetProperty("standardWeeklyHours").GetDouble().ShouldBe(40);
        json.GetProperty("totalHours").GetDouble().ShouldBe(80);
        json.GetProperty("sellingShare").GetDouble().ShouldBe(0.80625);
        json.GetProperty("nonSelling").GetProperty("hours").GetDouble().ShouldBe(15.5);
        json.GetProperty("nonSelling").GetProperty("share").GetDouble().ShouldBe(0.19375);
    }

    [Fact]
    public void Workloads_and_weeks_carry_their_functions_hours_and_shares()
    {
        var json = Json();

        var closing = json.GetProperty("workloads")[1];
        closing.GetProperty("workload").GetString().ShouldBe("Closing");
        closing.GetProperty("functions").EnumerateArray().Select(f => f.GetString()).ShouldBe(["Closing"]);
        closing.GetProperty("hours").GetDouble().ShouldBe(44.5);
        closing.GetProperty("share").GetDouble().ShouldBe(0.55625);

        var week = json.GetProperty("weekly").EnumerateArray().Single();
        week.GetProperty("week").GetString().ShouldBe("2026-W45");
        week.GetProperty("totalHours").GetDouble().ShouldBe(40);
        week.GetProperty("workloads").GetArrayLength().ShouldBe(2);
        week.GetProperty("workloads")[0].GetProperty("workload").GetString().ShouldBe("InboundQualification");
        week.GetProperty("nonSelling").GetProperty("hours").GetDouble().ShouldBe(7.5);
        week.GetProperty("nonSelling").GetProperty("share").GetDouble().ShouldBe(0.1875);
    }

    [Fact]
    public void Reps_carry_their_figures_and_hours_by_function_in_function_order()
    {
        var ana = Json().GetProperty("reps")[0];

        ana.GetProperty("email").GetString().ShouldBe("ana@acme.test");
        ana.GetProperty("name").GetString().ShouldBe("=Ana");
        ana.GetProperty("team").GetString().ShouldBe("East");
        ana.GetProperty("role").GetString().ShouldBe("Full-Cycle Rep");
        ana.GetProperty("coreWorkload").GetString().ShouldBe("Closing");
        ana.GetProperty("hours").GetDouble().ShouldBe(60.12345);
        ana.GetProperty("coreShare").GetDouble().ShouldBe(0.5);
        ana.GetProperty("nonCoreShare").GetDouble().ShouldBe(0.3333333333);
        ana.GetProperty("nonSellingShare").GetDouble().ShouldBe(0.1666666667);
        ana.GetProperty("focus").GetString().ShouldBe("Unfocused");
        ana.GetProperty("hoursByFunction").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())).ShouldBe(
            [("InboundQualification", 20.12345), ("Closing", 30), ("NonSelling", 10)]);
        Json().GetProperty("reps")[1].GetProperty("team").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void The_80_20_figures_appear_only_on_the_kinds_that_have_them()
    {
        var recommendations = Json().GetProperty("recommendations");

        var split = recommendations[0];
        split.GetProperty("kind").GetString().ShouldBe("SplitOutRole");
        split.GetProperty("workload").GetString().ShouldBe("InboundQualification");
        split.GetProperty("share").GetDouble().ShouldBe(0.25);
        split.GetProperty("weeklyHours").GetDouble().ShouldBe(10);
        split.GetProperty("fteEquivalent").GetDouble().ShouldBe(0.25);
        split.GetProperty("suggestedHeadcount").GetInt32().ShouldBe(1);
        split.GetProperty("candidates").EnumerateArray().Select(c => c.GetString()).ShouldBe(["ana@acme.test"]);
        split.GetProperty("advisory").GetBoolean().ShouldBeFalse();
        split.GetProperty("rationale").GetString().ShouldBe("Reps outside inbound qualification spend 25% of their time on it (threshold 20%).");
        split.GetProperty("source").GetString().ShouldBe("seed 003");

        var caution = recommendations[1];
        caution.EnumerateObject().Select(p => p.Name).ShouldBe(["kind", "workload", "advisory", "rationale", "source"]);
        caution.GetProperty("workload").ValueKind.ShouldBe(JsonValueKind.Null);
        caution.GetProperty("advisory").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Missing_timesheets_name_the_weeks()
    {
        var missing = Json().GetProperty("missingTimesheets").EnumerateArray().Single();

        missing.GetProperty("email").GetString().ShouldBe("bo@acme.test");
        missing.GetProperty("weeks").EnumerateArray().Select(w => w.GetString()).ShouldBe(["2026-W46"]);
    }

    [Fact]
    public void Text_stays_readable_and_the_output_is_indented()
    {
        var text = AnalysisJsonWriter.Serialize(AnalysisSample.Result());

        text.ShouldContain("\"rationale\": \"It's small — be careful.\"");
        text.ShouldStartWith("{" + Environment.NewLine + "  \"from\": \"2026-11-02\",");
    }

    [Fact]
    public void The_document_is_the_serialised_shape()
    {
        var document = AnalysisJsonWriter.ToDocument(AnalysisSample.Result());

        document.From.ShouldBe("2026-11-02");
        document.Recommendations[1].Share.ShouldBeNull();
        document.Recommendations[0].Candidates.ShouldBe(["ana@acme.test"]);
        Should.Throw<ArgumentNullException>(() => AnalysisJsonWriter.ToDocument(null!));
    }
}
