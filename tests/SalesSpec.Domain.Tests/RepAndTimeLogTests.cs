using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.TimeLogs;

namespace SalesSpec.Domain.Tests;

public sealed class RepAndTimeLogTests
{
    private readonly Organization _organization = Organization.Create("Acme");

    private Role FullCycle => _organization.Roles.Single(r => r.Name == "Full-Cycle Rep");

    private Activity Demos => _organization.Activities.Single(a => a.Name == "Demos");

    [Theory]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("@acme.test")]
    [InlineData("ana@acme")]
    [InlineData("Ana Ruiz <ana@acme.test>")]
    [InlineData("ana ruiz@acme.test")]
    public void A_bad_email_is_rejected_with_a_clear_message(string email)
    {
        var error = Should.Throw<DomainRuleException>(() => Rep.Create("Ana Ruiz", email, FullCycle));
        error.Message.ShouldBe($"'{email}' is not a valid email address.");
    }

    [Fact]
    public void Emails_are_stored_trimmed_and_lower_case()
    {
        Rep.Create("Ana Ruiz", "  Ana.Ruiz@Acme.TEST ", FullCycle).Email.ShouldBe("ana.ruiz@acme.test");
    }

    [Fact]
    public void A_rep_without_a_name_is_rejected()
    {
        Should.Throw<DomainRuleException>(() => Rep.Create(" ", "ana@acme.test", FullCycle)).Message.ShouldBe("Rep name is required.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(1.6)]
    public void Fte_out_of_range_is_rejected(double fte)
    {
        Should.Throw<DomainRuleException>(() => Rep.Create("Ana", "ana@acme.test", FullCycle, fte: (decimal)fte)).Message.ShouldContain("FTE");
    }

    [Fact]
    public void A_rep_cannot_take_a_role_or_team_of_another_organisation()
    {
        var other = Organization.Create("Other");
        var otherTeam = other.AddTeam("East");
        var rep = Rep.Create("Ana", "ana@acme.test", FullCycle);

        Should.Throw<DomainRuleException>(() => rep.MoveToTeam(otherTeam, IsoWeek.Of(2026, 48))).Message.ShouldBe("The team belongs to another organisation.");
        Should.Throw<DomainRuleException>(() => rep.ChangeRole(other.Roles.First())).Message.ShouldBe("The role belongs to another organisation.");
    }

    [Theory]
    [InlineData(-1, "Hours cannot be negative; got -1.")]
    [InlineData(-0.01, "Hours cannot be negative; got -0.01.")]
    [InlineData(100.25, "A week has at most 100 logged hours; got 100.25.")]
    [InlineData(1.12345, "Hours have at most 4 decimals; got 1.12345.")]
    public void Bad_hours_are_rejected(double hours, string message)
    {
        var rep = Rep.Create("Ana", "ana@acme.test", FullCycle);

        var error = Should.Throw<DomainRuleException>(() => TimeLog.Create(rep, Demos, IsoWeek.Parse("2026-W47"), (decimal)hours));
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void A_time_log_week_must_start_on_a_monday()
    {
        var rep = Rep.Create("Ana", "ana@acme.test", FullCycle);

        var error = Should.Throw<DomainRuleException>(() => TimeLog.Create(rep, Demos, new DateOnly(2026, 11, 17), 4m));
        error.Message.ShouldContain("A week starts on a Monday");
    }

    [Fact]
    public void A_time_log_keeps_its_week_and_hours()
    {
        var rep = Rep.Create("Ana", "ana@acme.test", FullCycle);

        var log = TimeLog.Create(rep, Demos, IsoWeek.Parse("2026-11-19"), 7.25m);

        (log.WeekStart, log.Week.ToString(), log.Hours).ShouldBe((new DateOnly(2026, 11, 16), "2026-W47", 7.25m));
    }

    [Fact]
    public void A_time_log_cannot_mix_organisations()
    {
        var rep = Rep.Create("Ana", "ana@acme.test", FullCycle);
        var foreignActivity = Organization.Create("Other").Activities.First();

        Should.Throw<DomainRuleException>(() => TimeLog.Create(rep, foreignActivity, IsoWeek.Parse("2026-W47"), 1m)).Message
            .ShouldBe($"Activity '{foreignActivity.Name}' belongs to another organisation than rep ana@acme.test.");
    }

    [Fact]
    public void Monthly_lead_counts_are_checked()
    {
        Should.Throw<DomainRuleException>(() => MonthlyLeadCount.Create(_organization, 2026, 13, 10));
        Should.Throw<DomainRuleException>(() => MonthlyLeadCount.Create(_organization, 2026, 11, -1));
        MonthlyLeadCount.Create(_organization, 2026, 11, 340).Month.ShouldBe(new DateOnly(2026, 11, 1));
    }
}
