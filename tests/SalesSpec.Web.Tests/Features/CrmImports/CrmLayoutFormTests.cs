using SalesSpec.Domain.Crm;
using SalesSpec.Formats.CrmCsv;
using SalesSpec.Web.Features.CrmImports.Services;

namespace SalesSpec.Web.Tests.Features.CrmImports;

/// <summary>The mapping step's first guess from a header, and the layout a form makes.</summary>
public sealed class CrmLayoutFormTests
{
    [Theory]
    [InlineData("Sales rep|Day|Time (h)|Notes|Kind|Result", "Sales rep|Day|Time (h)||Kind|Result", CrmDurationUnit.Hours)]
    [InlineData("Zugewiesen an|Aktivitätsdatum|Anrufdauer|Betreff|Typ|Status", "Zugewiesen an|Aktivitätsdatum|Anrufdauer|Betreff|Typ|Status", CrmDurationUnit.Minutes)]
    [InlineData("Agent|When|Talk time (sec)|Call title", "Agent|When|Talk time (sec)|Call title||", CrmDurationUnit.Seconds)]
    [InlineData("Owner email|Activity date|Minutes|Subject", "Owner email|Activity date|Minutes|Subject||", CrmDurationUnit.Minutes)]
    public void The_first_guess_reads_the_headers_words(string header, string expected, CrmDurationUnit unit)
    {
        var form = CrmLayoutForm.Guess("report.csv", header.Split('|'));

        string.Join("|", form.Owner, form.Date, form.Duration, form.Subject, form.Type, form.Status).ShouldBe(expected);
        form.DurationUnit.ShouldBe(unit);
        form.Name.ShouldBe("report");
    }

    [Fact]
    public void A_form_makes_a_layout_with_none_for_empty_choices_and_back()
    {
        var form = new CrmLayoutForm { Name = " Weekly ", Owner = "Rep", Date = "Day", Duration = "", Subject = "What", RecordType = CrmActivityType.Call };

        var layout = form.ToLayout();

        layout.ShouldBe(new CrmLayout { Name = "Weekly", Owner = "Rep", Date = "Day", Subject = "What", RecordType = CrmActivityType.Call });
        CrmLayoutForm.From(layout).ToLayout().ShouldBe(layout);
    }
}
