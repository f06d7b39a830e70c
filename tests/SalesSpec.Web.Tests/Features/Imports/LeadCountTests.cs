using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesSpec.Domain.Access;
using SalesSpec.Domain.Analysis;
using SalesSpec.Domain.Common;
using SalesSpec.Web.Features.Analysis;
using SalesSpec.Web.Features.Demo;
using SalesSpec.Web.Features.Access;
using SalesSpec.Web.Features.LeadCounts;
using SalesSpec.Web.Tests.Support;

namespace SalesSpec.Web.Tests.Features.Imports;

/// <summary>Monthly inbound lead counts, entered or imported, on both databases — and the rule they feed.</summary>
public sealed class LeadCountTests
{
    private static readonly FixedClock Clock = new(FixedClock.Monday23November2026);

    private static LeadCountService Service(TestDatabase database) => new(database.Access, new LeadCountMonthValidator(), Clock);

    private static async Task<Dictionary<DateOnly, int>> RecordedAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync(DemoOrganization.Name);
        return await db.MonthlyLeadCounts.ToDictionaryAsync(m => m.Month, m => m.InboundLeads);
    }

    private sealed record LeadCountSaveResultAndData(Outcome<int> Result, Dictionary<DateOnly, int> Recorded);

    private static async Task<LeadCountSaveResultAndData> ImportAsync(TestDatabase database, MemberRole role, string csv)
    {
        var member = await database.MemberAsync(DemoOrganization.Name, role);
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var result = await Service(database).ImportAsync(member, file);
        return new LeadCountSaveResultAndData(result, await RecordedAsync(database));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Imported_counts_replace_their_months_and_feed_the_market_response_rule(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var leader = await database.MemberAsync(DemoOrganization.Name, MemberRole.Leader);
        var analysis = new AnalysisService(database.Access, Clock);
        async Task<bool> RuleFiresAsync() =>
            (await analysis.AnalyzeAsync(leader, IsoWeek.Parse("2026-W36"), IsoWeek.Parse("2026-W47"))).Result!.Recommendations
                .Any(r => r.Kind == RecommendationKind.AddMarketResponseRep);
        (await RuleFiresAsync()).ShouldBeTrue("the demo records about 300 leads a month");
        var before = await RecordedAsync(database);

        var (result, recorded) = await ImportAsync(database, MemberRole.Consultant, "\uFEFFmonth,leads\r\n2026-09-15,35\r\n2026-10,50\r\n2026-11,45\r\n2027-01,10\r\n");

        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
        result.Value.ShouldBe(4);
        recorded[new DateOnly(2026, 9, 1)].ShouldBe(35);
        recorded[new DateOnly(2027, 1, 1)].ShouldBe(10);
        var untouched = before.Where(b => b.Key < new DateOnly(2026, 9, 1)).ToList();
        untouched.ShouldNotBeEmpty();
        untouched.ShouldAllBe(b => recorded[b.Key] == b.Value, "months not in the file stay");
        (await RuleFiresAsync()).ShouldBeFalse("with September to November at 35-50, the period averages well under 200 a month");

        var again = await ImportAsync(database, MemberRole.Consultant, "month,leads\n2026-09-15,35\n2026-10,50\n2026-11,45\n2027-01,10\n");
        again.Recorded.ShouldBe(recorded, "importing the same file twice changes nothing");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_bad_file_lists_every_problem_and_writes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var before = await RecordedAsync(database);

        var (result, recorded) = await ImportAsync(database, MemberRole.Admin, "month,leads\n2026-09,300\nSept 2026,20\n2026-10,-4\n2026-09,310\n2026-11,12.5\n");

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldBe([
            "line 3, month: 'Sept 2026' is not a month; write it like 2026-09.",
            "line 4, leads: '-4' is not a number of leads (a whole number from 0 to 10,000,000).",
            "line 5, month: 2026-09 is already on line 2; a month appears once.",
            "line 6, leads: '12.5' is not a number of leads (a whole number from 0 to 10,000,000).",
        ]);
        recorded.ShouldBe(before);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Months_are_entered_and_cleared_and_a_concurrent_change_is_not_overwritten(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true, clock: Clock);
        var admin = await database.MemberAsync(DemoOrganization.Name, MemberRole.Admin);
        var service = Service(database);

        var mine = await service.GetAsync(admin);
        var theirs = await service.GetAsync(admin);
        mine.Select(m => m.Month).ShouldBe(Enumerable.Range(0, 12).Select(i => new DateOnly(2026, 11, 1).AddMonths(-i)));
        mine[0].Leads = 999;
        mine[1].Leads = null;
        var saved = await service.SaveAsync(admin, mine);
        saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Errors));
        saved.Value.ShouldBe(2);
        var recorded = await RecordedAsync(database);
        recorded[new DateOnly(2026, 11, 1)].ShouldBe(999);
        recorded.ContainsKey(new DateOnly(2026, 10, 1)).ShouldBeFalse();

        theirs[0].Leads = 5;
        theirs[2].Leads = 6;
        var conflict = await service.SaveAsync(admin, theirs);
        conflict.Kind.ShouldBe(OutcomeKind.Conflict);
        conflict.Errors.Single().ShouldStartWith("Nov 2026 was changed by someone else to 999");
        (await RecordedAsync(database)).ShouldBe(recorded, "all or nothing: September is not saved either");

        theirs[2].Leads = -1;
        (await service.SaveAsync(admin, [theirs[2]])).Errors.Single().ShouldContain("whole number from 0");

        var manager = await database.MemberOfAsync("manager@demo.salesspec", DemoOrganization.Name);
        (await service.SaveAsync(manager, theirs)).Errors.Single().ShouldContain("Only Admins, Leaders and Consultants");
    }
}
