using SalesSpec.Domain.Common;
using SalesSpec.Domain.Workshops;

namespace SalesSpec.Domain.Tests.Workshops;

/// <summary>A workshop session's life: open for 7 days unless closed, reopened only before it expires.</summary>
public sealed class WorkshopSessionTests
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static WorkshopSession NewSession(bool anonymous = false) =>
        new(1, "  Q1 kick-off  ", teamId: null, anonymous, JoinCode.Parse("ABCDEFGH"), "consultant-1", Opened);

    [Fact]
    public void A_new_session_is_open_for_seven_days()
    {
        var session = NewSession();

        session.Title.ShouldBe("Q1 kick-off");
        session.IsOpen(Opened).ShouldBeTrue();
        session.IsOpen(Opened.AddDays(7).AddTicks(-1)).ShouldBeTrue();
        session.IsOpen(Opened.AddDays(7)).ShouldBeFalse();
        session.IsRevealed.ShouldBeFalse();
        session.JoinCode.Display.ShouldBe("ABCD-EFGH");
    }

    [Fact]
    public void A_closed_session_takes_no_answers_and_can_be_reopened_before_it_expires()
    {
        var session = NewSession();

        session.Close(Opened.AddHours(1));

        session.IsOpen(Opened.AddHours(2)).ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => new WorkshopAnswer(session, "device", Opened.AddHours(2)))
            .Message.ShouldBe("This workshop is closed: answers are no longer taken.");
        session.Reopen(Opened.AddHours(3));
        session.IsOpen(Opened.AddHours(3)).ShouldBeTrue();
    }

    [Fact]
    public void An_expired_session_cannot_be_reopened()
    {
        var session = NewSession();
        session.Close(Opened.AddDays(1));

        Should.Throw<DomainRuleException>(() => session.Reopen(Opened.AddDays(8))).Message.ShouldContain("expired");
        Should.Throw<DomainRuleException>(() => new WorkshopAnswer(session, "device", Opened.AddDays(8)))
            .Message.ShouldBe("This workshop has ended: answers are no longer taken.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_session_needs_a_title(string title)
    {
        Should.Throw<DomainRuleException>(() => new WorkshopSession(1, title, null, false, JoinCode.Parse("ABCDEFGH"), "c", Opened));
        Should.Throw<DomainRuleException>(() => new WorkshopSession(1, new string('x', 101), null, false, JoinCode.Parse("ABCDEFGH"), "c", Opened));
    }

    [Fact]
    public void A_named_answer_keeps_the_name_and_email_and_its_shares_add_up_to_100()
    {
        var session = NewSession();
        var answer = new WorkshopAnswer(session, "device-1", Opened);

        answer.Answer(session, " Ana María Ruiz ", " Ana@Example.TEST ", roleId: 3, teamId: 2, [(10, 50m), (11, 33.33m), (12, 16.67m), (13, 0m)], Opened.AddMinutes(1));

        answer.Name.ShouldBe("Ana María Ruiz");
        answer.Initials.ShouldBe("AMR");
        answer.Email.ShouldBe("ana@example.test");
        answer.Shares.Select(share => (share.ActivityId, share.Percent)).ShouldBe([(10, 50m), (11, 33.33m), (12, 16.67m)]);
        answer.UpdatedAt.ShouldBe(Opened.AddMinutes(1));
    }

    [Fact]
    public void An_anonymous_answer_keeps_initials_at_most()
    {
        var session = NewSession(anonymous: true);
        var answer = new WorkshopAnswer(session, "device-1", Opened);

        answer.Answer(session, "Ana Ruiz", "ana@example.test", 3, null, [(10, 100m)], Opened);

        answer.Name.ShouldBeNull();
        answer.Email.ShouldBeNull();
        answer.Initials.ShouldBe("AR");

        answer.Answer(session, null, null, 3, null, [(10, 100m)], Opened);
        answer.Initials.ShouldBeNull();
    }

    [Theory]
    [InlineData(60, 30, "The percentages add up to 90 %; they must add up to 100 %.")]
    [InlineData(60, 40.2, "The percentages add up to 100.2 %; they must add up to 100 %.")]
    [InlineData(-10, 110, "A percentage is between 0 and 100.")]
    public void Shares_that_do_not_make_a_week_are_refused(double first, double second, string message)
    {
        var session = NewSession();
        var answer = new WorkshopAnswer(session, "device-1", Opened);

        Should.Throw<DomainRuleException>(() => answer.Answer(session, "Ana", null, 3, null, [(10, (decimal)first), (11, (decimal)second)], Opened))
            .Message.ShouldBe(message);
    }

    [Fact]
    public void An_activity_counts_once_and_a_named_answer_needs_a_name()
    {
        var session = NewSession();
        var answer = new WorkshopAnswer(session, "device-1", Opened);

        Should.Throw<DomainRuleException>(() => answer.Answer(session, "Ana", null, 3, null, [(10, 50m), (10, 50m)], Opened))
            .Message.ShouldBe("Each activity may appear only once in an answer.");
        Should.Throw<DomainRuleException>(() => answer.Answer(session, " ", null, 3, null, [(10, 100m)], Opened))
            .Message.ShouldBe("Name is required.");
        Should.Throw<DomainRuleException>(() => answer.Answer(session, "Ana", "not an email", 3, null, [(10, 100m)], Opened));
    }

    [Theory]
    [InlineData("Ana María Ruiz", "AMR")]
    [InlineData("ar", "AR")]
    [InlineData("Olivia", "O")]
    [InlineData("jean-luc picard", "JLP")]
    [InlineData("A B C D E", "ABC")]
    [InlineData("  ", null)]
    [InlineData("!!!", null)]
    public void Initials_are_the_first_letters(string name, string? initials) =>
        WorkshopAnswer.InitialsOf(name).ShouldBe(initials);
}
