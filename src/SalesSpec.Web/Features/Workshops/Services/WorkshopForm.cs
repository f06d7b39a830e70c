using FluentValidation;
using SalesSpec.Domain.Workshops;

namespace SalesSpec.Web.Features.Workshops.Services;

/// <summary>A new workshop as the consultant fills it in.</summary>
public sealed class WorkshopForm
{
    public string Title { get; set; } = "";

    /// <summary>The team the workshop is for; null for the whole organisation.</summary>
    public int? TeamId { get; set; }

    public bool IsAnonymous { get; set; } = true;
}

public sealed class WorkshopFormValidator : AbstractValidator<WorkshopForm>
{
    public WorkshopFormValidator()
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Give the workshop a title the room will recognise.");
        RuleFor(f => f.Title).MaximumLength(WorkshopSession.MaxTitleLength)
            .WithMessage($"A title has at most {WorkshopSession.MaxTitleLength} characters.");
    }
}
