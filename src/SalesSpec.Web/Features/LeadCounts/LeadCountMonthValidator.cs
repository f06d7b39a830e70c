using FluentValidation;
using SalesSpec.Formats.LeadCountCsv;

namespace SalesSpec.Web.Features.LeadCounts;

public sealed class LeadCountMonthValidator : AbstractValidator<LeadCountMonth>
{
    public LeadCountMonthValidator()
    {
        RuleFor(m => m.Leads)
            .InclusiveBetween(0, LeadCountCsvReader.MaxLeads)
            .WithMessage(m => $"{m.Month:MMM yyyy}: leads are a whole number from 0 to {LeadCountCsvReader.MaxLeads:N0}.");
    }
}
