using FluentValidation;
using SalesSpec.Web.Components.Shared;

namespace SalesSpec.Web.Features.Organizations.Services;

public sealed class OrganizationFormValidator : AbstractValidator<OrganizationForm>
{
    public const int MaxLeadsPerMonth = 10_000_000;

    public OrganizationFormValidator()
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Name the organisation.")
            .MaximumLength(200).WithMessage("An organisation's name has at most 200 characters.")
            .Must(TextRules.HasNoControlCharacters).WithMessage(TextRules.ControlCharacterMessage);
        RuleFor(f => f.Template).IsInEnum().WithMessage("Choose the four-role or the three-workload template.");
        RuleFor(f => f.ThresholdPercent)
            .Must(p => p is > 0m and < 100m).WithMessage("The 80/20 line is a percentage above 0 and below 100, such as 20.")
            .Must(p => decimal.Round(p, 2) == p).WithMessage("Give the 80/20 line with at most two decimals, such as 22.5.");
        RuleFor(f => f.StandardWeeklyHours)
            .Must(h => h is > 0m and <= 100m).WithMessage("A standard week is more than 0 and at most 100 hours, such as 40.")
            .Must(h => decimal.Round(h, 2) == h).WithMessage("Give the standard week with at most two decimals.");
        RuleFor(f => f.InboundLeadsPerMonth)
            .InclusiveBetween(0, MaxLeadsPerMonth).WithMessage($"Inbound leads a month are 0 to {MaxLeadsPerMonth:N0}; leave empty when unknown.");
        RuleFor(f => f.TimeZone).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose the organisation's time zone.")
            .Must(TimeZones.IsKnown).WithMessage(f => $"'{TextRules.Echo(f.TimeZone)}' is not a time zone this server knows; choose one from the list, such as Europe/Berlin.");
        RuleFor(f => f.Currency).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose the currency that role costs are in.")
            .Must(Currencies.IsKnown).WithMessage(f => $"'{TextRules.Echo(f.Currency)}' is not an ISO 4217 currency code such as USD, EUR or GBP.");
    }
}
