using SalesSpec.Formats.Csv;
using SalesSpec.Formats.LeadCountCsv;

namespace SalesSpec.Formats.Tests;

/// <summary>Monthly inbound lead counts, <c>month,leads</c>: every problem with its line and column, a month once.</summary>
public sealed class LeadCountCsvReaderTests
{
    private static (IReadOnlyList<LeadCountCsvRow> Rows, string[] Problems) Read(string text)
    {
        var (rows, problems) = LeadCountCsvReader.Read(new StringReader(text));
        return (rows, [.. problems.Select(p => p.ToString())]);
    }

    [Fact]
    public void Good_lines_give_one_count_per_month_on_its_first_day()
    {
        var (rows, problems) = Read("\uFEFF Leads ,MONTH,notes\n340,2026-09,x\n\n 0 , 2026-10-17 ,\n10000000,2026-11,\n");

        problems.ShouldBeEmpty();
        rows.ShouldBe(
        [
            new LeadCountCsvRow(2, new DateOnly(2026, 9, 1), 340),
            new LeadCountCsvRow(4, new DateOnly(2026, 10, 1), 0),
            new LeadCountCsvRow(5, new DateOnly(2026, 11, 1), 10_000_000),
        ]);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_line_column_and_reason()
    {
        var (rows, problems) = Read(
            "month,leads\n" +
            "2026-09,340\n" +        // 2 fine
            "2026-09-30,1\n" +       // 3 same month again
            "2026-13,1\n" +          // 4 no such month
            "2026-10,-1\n" +         // 5 negative
            "2026-11,10000001\n" +   // 6 too many
            "2026-12,1.5\n" +        // 7 not whole
            "2026-12\n" +            // 8 one value
            "2027-01,\"1\"x\n" +     // 9 broken quoting
            "1899-12,1\n" +          // 10 before 1900
            "3000-01,1\n" +          // 11 after 2999
            "2999-12,+1\n" +         // 12 a sign
            ",\n");                  // 13 both missing

        rows.Select(r => r.Line).ShouldBe([2]);
        problems.ShouldBe(
        [
            "line 3, month: 2026-09 is already on line 2; a month appears once.",
            "line 4, month: '2026-13' is not a month; write it like 2026-09.",
            "line 5, leads: '-1' is not a number of leads (a whole number from 0 to 10,000,000).",
            "line 6, leads: '10000001' is not a number of leads (a whole number from 0 to 10,000,000).",
            "line 7, leads: '1.5' is not a number of leads (a whole number from 0 to 10,000,000).",
            "line 8: The line has 1 values; the header has 2.",
            "line 9: " + StrictCsv.BrokenQuoting,
            "line 10, month: '1899-12' is not a month; write it like 2026-09.",
            "line 11, month: '3000-01' is not a month; write it like 2026-09.",
            "line 12, leads: '+1' is not a number of leads (a whole number from 0 to 10,000,000).",
            "line 13, month: '' is not a month; write it like 2026-09.",
            "line 13, leads: '' is not a number of leads (a whole number from 0 to 10,000,000).",
        ]);
    }

    [Fact]
    public void A_month_refused_as_a_repeat_is_not_counted_even_with_good_leads()
    {
        var (rows, problems) = Read("month,leads\n2026-09,1\n2026-09,2\n2026-10,3\n");

        rows.Select(r => (r.Line, r.Leads)).ShouldBe([(2, 1), (4, 3)]);
        problems.ShouldBe(["line 3, month: 2026-09 is already on line 2; a month appears once."]);
    }

    [Fact]
    public void The_years_1900_and_2999_are_the_limits()
    {
        LeadCountCsvReader.ParseMonth("1900-01").ShouldBe(new DateOnly(1900, 1, 1));
        LeadCountCsvReader.ParseMonth("2999-12-31").ShouldBe(new DateOnly(2999, 12, 1));
        LeadCountCsvReader.ParseMonth("1899-12-31").ShouldBeNull();
        LeadCountCsvReader.ParseMonth("3000-01").ShouldBeNull();
        LeadCountCsvReader.ParseMonth("2026-9").ShouldBeNull();
        LeadCountCsvReader.ParseMonth("09/2026").ShouldBeNull();
    }

    [Fact]
    public void A_header_without_both_columns_stops_at_line_one()
    {
        var (rows, problems) = Read("Month,Count\n2026-09,1\n");

        rows.ShouldBeEmpty();
        problems.ShouldBe(["line 1: The header must have the columns 'month' and 'leads' (found: month,count)."]);
        Read("leads\n1\n").Problems.ShouldBe(["line 1: The header must have the columns 'month' and 'leads' (found: leads)."]);
    }

    [Fact]
    public void An_empty_file_says_what_the_header_is()
    {
        var (rows, problems) = Read("");

        rows.ShouldBeEmpty();
        problems.ShouldBe(["line 1: The file is empty; it needs a header row 'month,leads'."]);
    }

    [Fact]
    public void Null_is_refused()
    {
        Should.Throw<ArgumentNullException>(() => LeadCountCsvReader.Read(null!));
    }
}
