using SalesSpec.Domain.Organizations;
using SalesSpec.Web.Features.Organizations.Services;

namespace SalesSpec.Web.Tests.Features.Organizations;

/// <summary>The overview's rep list as its address asks for it: search, a stable sort and pages that never repeat or skip a rep.</summary>
public sealed class OverviewRepQueryTests
{
    // 60 reps: names in an order of their own, hours that repeat (so ties need the name), a few outside the analysis.
    private static readonly List<RepRow> Reps = Enumerable.Range(1, 60).Select(i => new RepRow(
        i,
        $"Rep {(i * 37) % 61:00}",
        $"rep{i}@example.test",
        i % 3 == 0 ? null : $"Team {(char)('A' + i % 4)}",
        i % 5 == 0 ? "Account Executive" : "Sales Development Rep",
        i % 5 == 0 ? Workload.Closing : Workload.OutboundProspecting,
        IsAnalysed: i % 7 != 0,
        IsActive: i % 11 != 0,
        Fte: 1m,
        Hours: 10m * (i % 6),
        WeeksLogged: i % 13)).ToList();

    [Fact]
    public void Every_page_of_every_sort_shows_each_rep_once_in_order()
    {
        foreach (var sort in Enum.GetValues<OverviewRepSort>())
        {
            foreach (var descending in new[] { false, true })
            {
                var seen = new List<RepRow>();
                var first = OverviewRepQuery.Apply(Reps, "", sort, descending, 0);
                first.Pages.ShouldBe(3);
                for (var page = 0; page < first.Pages; page++)
                {
                    var shown = OverviewRepQuery.Apply(Reps, "", sort, descending, page);
                    shown.Page.ShouldBe(page);
                    shown.Matching.ShouldBe(60);
                    seen.AddRange(shown.Rows);
                }
                seen.Select(r => r.Id).Order().ShouldBe(Enumerable.Range(1, 60), $"{sort} {(descending ? "down" : "up")}");
                if (sort == OverviewRepSort.Hours)
                {
                    var hours = seen.Select(r => r.Hours).ToList();
                    hours.ShouldBe(descending ? hours.OrderDescending().ToList() : hours.Order().ToList());
                    // Ties in hours are broken by name, the same way in both directions.
                    foreach (var tie in seen.GroupBy(r => r.Hours))
                    {
                        tie.Select(r => r.Name).ShouldBe(tie.Select(r => r.Name).Order(StringComparer.OrdinalIgnoreCase));
                    }
                }
            }
        }
    }

    [Fact]
    public void The_search_matches_any_part_of_name_email_team_or_role_in_any_case()
    {
        OverviewRepQuery.Apply(Reps, "account executive", null, false, 0).Matching.ShouldBe(12);
        OverviewRepQuery.Apply(Reps, "REP5@", null, false, 0).Rows.Single().Id.ShouldBe(5);
        OverviewRepQuery.Apply(Reps, "team b", null, false, 0).Rows.ShouldAllBe(r => r.Team == "Team B");
        var none = OverviewRepQuery.Apply(Reps, "nobody like this", null, false, 0);
        none.Matching.ShouldBe(0);
        none.Rows.ShouldBeEmpty();
        none.Pages.ShouldBe(1);
    }

    [Fact]
    public void Without_a_sort_the_list_keeps_the_service_order_and_a_page_past_the_end_gives_the_last()
    {
        OverviewRepQuery.Apply(Reps, "", null, false, 0).Rows.Select(r => r.Id).ShouldBe(Enumerable.Range(1, 25));
        var beyond = OverviewRepQuery.Apply(Reps, "", null, false, 99);
        beyond.Page.ShouldBe(2);
        beyond.Rows.Select(r => r.Id).ShouldBe(Enumerable.Range(51, 10));
    }

    [Theory]
    [InlineData(null, null, null, null, "", null, false, 0)]
    [InlineData("  ana ", "HOURS", "true", "3", "ana", OverviewRepSort.Hours, true, 2)]
    [InlineData("x", "status", "false", "1", "x", OverviewRepSort.Status, false, 0)]
    [InlineData("x", "drop table", "true", "-4", "x", null, false, 0)]
    [InlineData("x", "7", "true", "0", "x", null, false, 0)]
    [InlineData("x", "name", "1", "abc", "x", OverviewRepSort.Name, false, 0)]
    [InlineData("x", "name", "TRUE", "99999999999", "x", OverviewRepSort.Name, true, 0)]
    [InlineData("x", null, "true", "2147483647", "x", null, false, 1_000_000)]
    public void The_address_is_read_defensively(string? search, string? sort, string? descending, string? page,
        string expectedSearch, OverviewRepSort? expectedSort, bool expectedDescending, int expectedPage) =>
        OverviewRepQuery.Read(search, sort, descending, page).ShouldBe((expectedSearch, expectedSort, expectedDescending, expectedPage));

    [Fact]
    public void A_search_longer_than_the_box_is_cut_to_its_length() =>
        OverviewRepQuery.Read(new string('a', 500), null, null, null).Search.Length.ShouldBe(OverviewRepQuery.MaxSearchLength);
}
