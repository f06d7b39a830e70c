using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.Timesheets;

namespace SalesSpec.Domain.Tests.Timesheets;

public sealed class TimesheetTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly IsoWeek Week47 = IsoWeek.Of(2026, 47);
    private readonly Organization _organization = Organization.Create("Acme");

    private Timesheet NewSheet() =>
        Timesheet.Start(Rep.Create("Ana Ruiz", "ana@acme.test", _organization.Roles.First()), Week47, Now);

    [Fact]
    public void A_new_week_is_a_draft_at_version_one_on_its_monday()
    {
        var sheet = NewSheet();

        (sheet.Status, sheet.Version, sheet.WeekStart, sheet.IsLocked).ShouldBe((TimesheetStatus.Draft, 1, new DateOnly(2026, 11, 16), false));
    }

    [Fact]
    public void Draft_to_submitted_to_approved_locks_the_week_and_raises_the_version_each_step()
    {
        var sheet = NewSheet();

        sheet.Submit(Now);
        sheet.Status.ShouldBe(TimesheetStatus.Submitted);
        sheet.SubmittedAt.ShouldBe(Now);
        sheet.Approve("Mia Manager", Now.AddHours(1));

        (sheet.Status, sheet.Version, sheet.IsLocked, sheet.ReviewedBy).ShouldBe((TimesheetStatus.Approved, 3, true, "Mia Manager"));
        Should.Throw<DomainRuleException>(() => sheet.RecordEdit(Now)).Message.ShouldBe("Week 2026-W47 is approved and locked; it cannot be changed.");
        Should.Throw<DomainRuleException>(() => sheet.Submit(Now));
    }

    [Fact]
    public void A_rejected_week_keeps_the_comment_and_editing_it_makes_it_a_draft_again()
    {
        var sheet = NewSheet();
        sheet.Submit(Now);

        sheet.Reject("Mia Manager", "  Demos look double-counted  ", Now);
        sheet.RecordEdit(Now);

        (sheet.Status, sheet.ReviewComment).ShouldBe((TimesheetStatus.Draft, "Demos look double-counted"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Rejecting_needs_a_comment(string comment)
    {
        var sheet = NewSheet();
        sheet.Submit(Now);

        Should.Throw<DomainRuleException>(() => sheet.Reject("Mia Manager", comment, Now)).Message.ShouldContain("Say why");
        sheet.Status.ShouldBe(TimesheetStatus.Submitted);
    }

    [Fact]
    public void Only_a_submitted_week_is_approved_or_rejected()
    {
        var sheet = NewSheet();

        Should.Throw<DomainRuleException>(() => sheet.Approve("Mia", Now)).Message.ShouldBe("Only a submitted week can be approved; week 2026-W47 is draft.");
        Should.Throw<DomainRuleException>(() => sheet.Reject("Mia", "no", Now));
    }

    [Fact]
    public void Submitting_twice_is_refused_and_editing_a_submitted_week_takes_it_back_to_draft()
    {
        var sheet = NewSheet();
        sheet.Submit(Now);

        Should.Throw<DomainRuleException>(() => sheet.Submit(Now)).Message.ShouldContain("already submitted");
        sheet.RecordEdit(Now);
        sheet.Status.ShouldBe(TimesheetStatus.Draft);
    }

    [Fact]
    public void Reopening_an_approved_week_makes_it_editable()
    {
        var sheet = NewSheet();
        sheet.Submit(Now);
        sheet.Approve("Mia", Now);

        sheet.Reopen(Now);

        (sheet.Status, sheet.IsLocked).ShouldBe((TimesheetStatus.Draft, false));
        Should.Throw<DomainRuleException>(() => sheet.Reopen(Now));
    }
}
