using FluentValidation;
using SalesSpec.Domain.Workshops;
using SalesSpec.Web.Features.Timesheets.Services;

namespace SalesSpec.Web.Features.Workshops.Services;

/// <summary>
/// A phone's answer as the join page posts it. In anonymous sessions <see cref="Name"/> holds optional initials.
/// The service fills in what the session allows (<see cref="IsAnonymous"/>, <see cref="Roles"/>, <see cref="Teams"/>)
/// before the rules run.
/// </summary>
public sealed class JoinForm
{
    /// <summary>More activities than any catalogue has; a post with more is not a phone's.</summary>
    public const int MaxShares = 200;

    /// <summary>Anonymous sessions take up to this many characters of initials (only the letters are kept).</summary>
    public const int MaxInitialsInput = 20;

    public string? Name { get; set; }

    public string? Email { get; set; }

    public int? RoleId { get; set; }

    public int? TeamId { get; set; }

    public List<JoinShare> Shares { get; set; } = [];

    internal bool IsAnonymous { get; set; }

    internal IReadOnlyCollection<int> Roles { get; set; } = [];

    internal IReadOnlyCollection<int> Teams { get; set; } = [];

    public decimal TotalPercent => Shares.Count > MaxShares ? 0m : Shares.Sum(s => s.Percent is { } p && Math.Abs(p) <= 1000m ? p : 0m);

    /// <summary>The shares as "My week" takes percentages, so both are checked by the one percent validator.</summary>
    public WeekEntry AsWeek() => new()
    {
        Mode = EntryMode.Percent,
        CapacityHours = 100m,
        Lines = Shares.Take(MaxShares).Select(s => new WeekEntryLine { ActivityId = s.ActivityId, Activity = s.Activity, Value = s.Percent }).ToList(),
    };
}

/// <summary>One activity's share of the typical week, in percent; empty means none.</summary>
public sealed class JoinShare
{
    public int ActivityId { get; set; }

    /// <summary>The activity's name, for messages; set from the catalogue, never taken from the post.</summary>
    public string Activity { get; set; } = "";

    public SalesFunction Function { get; set; }

    public decimal? Percent { get; set; }
}

public sealed class JoinFormValidator : AbstractValidator<JoinForm>
{
    public JoinFormValidator(IValidator<WeekEntry> week)
    {
        RuleFor(f => f.Name).NotEmpty().When(f => !f.IsAnonymous).WithMessage("Enter your name.");
        RuleFor(f => f.Name).MaximumLength(WorkshopAnswer.MaxNameLength).When(f => !f.IsAnonymous)
            .WithMessage($"A name has at most {WorkshopAnswer.MaxNameLength} characters.");
        RuleFor(f => f.Name).MaximumLength(JoinForm.MaxInitialsInput).When(f => f.IsAnonymous)
            .WithMessage("Initials only, please: at most three letters.");
        RuleFor(f => f.Email).Empty().When(f => f.IsAnonymous).WithMessage("This workshop is anonymous: no email is asked.");
        RuleFor(f => f.Email).MaximumLength(WorkshopAnswer.MaxEmailLength).EmailAddress().When(f => !f.IsAnonymous && !string.IsNullOrWhiteSpace(f.Email))
            .WithMessage("Enter an email address like name@company.com, or leave it empty.");
        RuleFor(f => f.RoleId).NotNull().WithMessage("Choose your role.");
        RuleFor(f => f.RoleId).Must((f, role) => f.Roles.Contains(role!.Value)).When(f => f.RoleId is not null)
            .WithMessage("Choose one of the roles listed.");
        RuleFor(f => f.TeamId).Must((f, team) => f.Teams.Contains(team!.Value)).When(f => f.TeamId is not null)
            .WithMessage("Choose one of the teams listed, or none.");
        RuleFor(f => f.Shares.Count).LessThanOrEqualTo(JoinForm.MaxShares).OverridePropertyName(nameof(JoinForm.Shares))
            .WithMessage("Too many activities.");
        RuleFor(f => f.Shares).Must(shares => shares.Any(s => s.Percent > 0m)).When(f => f.Shares.Count <= JoinForm.MaxShares)
            .WithMessage("Give your week's shares: the percentages must add up to 100 %.");
        // The same rules as "My week" in percent: each 0–100 with two decimals at most, together 100 % (± 0.1).
        RuleFor(f => f.AsWeek()).SetValidator(week).OverridePropertyName(nameof(JoinForm.Shares))
            .When(f => f.Shares.Count <= JoinForm.MaxShares);
    }
}
