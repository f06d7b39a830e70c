using FluentValidation;
using SalesSpec.Formats.CrmCsv;

namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>What a layout of columns must be before a file is read through it, from the page or the API.</summary>
public sealed class CrmLayoutValidator : AbstractValidator<CrmLayout>
{
    public CrmLayoutValidator()
    {
        RuleFor(l => l.Name).Must(n => n.Trim().Length > 0)
            .WithMessage("Name the layout (for example the client's report name), so that later imports can use it again.")
            .MaximumLength(CrmLayout.MaxNameLength).WithMessage($"A layout's name has at most {CrmLayout.MaxNameLength} characters.");
        RuleFor(l => l.Owner).Must(c => c.Trim().Length > 0).WithMessage("Choose the column that names each record's owner (a rep's email or name).");
        RuleFor(l => l.Date).Must(c => c.Trim().Length > 0).WithMessage("Choose the column that dates each record.");
        RuleForEach(l => l.Columns).MaximumLength(CrmLayout.MaxColumnLength).WithMessage($"A column name has at most {CrmLayout.MaxColumnLength} characters.");
        RuleFor(l => l.Columns)
            .Must(columns => columns.GroupBy(c => c.Trim(), StringComparer.OrdinalIgnoreCase).All(g => g.Count() == 1))
            .WithMessage(l => $"Each column holds one thing: '{l.Columns.GroupBy(c => c.Trim(), StringComparer.OrdinalIgnoreCase).First(g => g.Count() > 1).Key}' is chosen twice.");
        RuleFor(l => l.DurationUnit).IsInEnum().WithMessage("The duration unit is seconds, minutes or hours.");
        RuleFor(l => l.RecordType).IsInEnum().WithMessage("The record type is call, email, meeting or task.");
    }
}
