using FluentValidation;
using SalesSpec.Domain.Scenarios;
using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>What a save must satisfy, in the words the board shows; the roles are checked against the organisation's when saving.</summary>
public sealed class ScenarioDraftValidator : AbstractValidator<ScenarioDraft>
{
    /// <summary>How far from today a plan may start: further out, no month of it is a plan anyone makes.</summary>
    public const int MaxYearsAway = 10;

    public ScenarioDraftValidator()
        : this(TimeProvider.System)
    {
    }

    public ScenarioDraftValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(d => d.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the scenario a name.")
            .MaximumLength(Scenario.MaxNameLength).WithMessage($"A scenario name has at most {Scenario.MaxNameLength} characters.")
            .Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage);
        RuleFor(d => d.Notes).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Notes may be empty, not missing.")
            .MaximumLength(Scenario.MaxNotesLength).WithMessage($"Notes have at most {Scenario.MaxNotesLength} characters.")
            // Notes are paragraphs: line breaks and tabs stay, NUL and the other control characters do not.
            .Must(n => n.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t')).WithMessage("Remove the control characters (such as NUL) from the notes.");
        RuleFor(d => d.StartMonth)
            .Must(m => Math.Abs(Months(Today(clock), m)) <= MaxYearsAway * 12)
            .WithMessage(d => $"A plan starts within {MaxYearsAway} years of today; {d.StartMonth:yyyy-MM} is too far out.");
        RuleFor(d => d.Roles).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Send the moves as an object of rep email → role, or leave them out.")
            .Must(r => r.Count <= Scenario.MaxMoves).WithMessage($"At most {Scenario.MaxMoves} reps can change role in one scenario.")
            .Must(r => r.All(m => m.Value is not null && m.Value.Trim().Length > 0)).WithMessage("Every move names the role the rep moves to.")
            .Must(r => r.All(m => TextRules.HasNoControlCharacters(m.Key) && TextRules.HasNoControlCharacters(m.Value))).WithMessage(TextRules.ControlCharacterMessage)
            .Must(NoCaseDuplicates).WithMessage(d => $"{Twice(d.Roles)} is moved twice (emails are compared without case): keep one.");
        RuleFor(d => d.Hires).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Send the new people as a list, or leave them out.")
            .Must(h => h.All(x => x is not null)).WithMessage("A line of new people is missing.")
            .Must(h => h.Count <= Scenario.MaxHireLines).WithMessage($"At most {Scenario.MaxHireLines} lines of new people.");
        RuleForEach(d => d.Hires).ChildRules(hire =>
        {
            hire.RuleFor(h => h.Role).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Every line of new people needs a role.")
                .Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage);
            hire.RuleFor(h => h.Count).InclusiveBetween(1, Scenario.MaxHireCount).WithMessage($"A line of new people adds 1 to {Scenario.MaxHireCount}.");
            hire.RuleFor(h => h.StartMonth).InclusiveBetween(0, ScenarioModel.Months - 1).WithMessage($"New people start in month 1 to {ScenarioModel.Months}.");
        }).When(d => d.Hires is not null && d.Hires.All(h => h is not null));
        RuleFor(d => d.HandOffs).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Send the hand-offs as an object of edge → label, or leave them out.")
            .Must(h => h.All(e => e.Value is not null)).WithMessage("A hand-off point needs a label; send the default's text to go back to it.")
            .Must(h => h.All(e => e.Value.Trim().Length is > 0 and <= HandOffEdge.MaxLabelLength))
            .WithMessage($"A hand-off point has 1 to {HandOffEdge.MaxLabelLength} characters.")
            .Must(h => h.All(e => TextRules.HasNoControlCharacters(e.Key) && TextRules.HasNoControlCharacters(e.Value))).WithMessage(TextRules.ControlCharacterMessage)
            .Must(NoCaseDuplicates).WithMessage(d => $"The hand-off {Twice(d.HandOffs)} is given twice (keys are compared without case): keep one.");
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static int Months(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;

    private static bool NoCaseDuplicates(IReadOnlyDictionary<string, string> pairs) =>
        pairs.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() == pairs.Count;

    private static string Twice(IReadOnlyDictionary<string, string>? pairs) =>
        TextRules.Echo(pairs?.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key);
}
