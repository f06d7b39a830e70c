using FluentValidation;
using SalesSpec.Domain.Crm;

namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>What a rule list must be before it is saved or used for an import.</summary>
public sealed class CrmRulesFormValidator : AbstractValidator<CrmRulesForm>
{
    public CrmRulesFormValidator()
    {
        RuleFor(f => f.Rules.Count).LessThanOrEqualTo(CrmRuleSet.MaxRules)
            .WithName("Rules").WithMessage($"At most {CrmRuleSet.MaxRules} rules.");
        RuleForEach(f => f.Rules).Custom((rule, context) =>
        {
            var form = context.InstanceToValidate;
            var position = form.Rules.IndexOf(rule) + 1;
            if (string.IsNullOrWhiteSpace(rule.Activity))
            {
                context.AddFailure($"Rules[{position - 1}].Activity", $"Rule {position}: choose the activity its records go to.");
            }
            else if (!form.Activities.Contains(rule.Activity.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                context.AddFailure($"Rules[{position - 1}].Activity", $"Rule {position}: '{rule.Activity}' is not one of the organisation's activities.");
            }
            var keywords = rule.KeywordList;
            if (keywords.Count > CrmRuleSet.MaxKeywords)
            {
                context.AddFailure($"Rules[{position - 1}].Keywords", $"Rule {position}: at most {CrmRuleSet.MaxKeywords} keywords.");
            }
            if (keywords.FirstOrDefault(k => k.Length > CrmRuleSet.MaxKeywordLength) is { } longKeyword)
            {
                context.AddFailure($"Rules[{position - 1}].Keywords", $"Rule {position}: '{longKeyword[..20]}…' is longer than {CrmRuleSet.MaxKeywordLength} characters.");
            }
            var states = rule.StateList;
            if (states.Count > CrmRuleSet.MaxKeywords || states.Any(k => k.Length > CrmRuleSet.MaxKeywordLength))
            {
                context.AddFailure($"Rules[{position - 1}].States", $"Rule {position}: at most {CrmRuleSet.MaxKeywords} directions, outcomes or statuses of up to {CrmRuleSet.MaxKeywordLength} characters.");
            }
            if (rule.MatchesEverything && position < form.Rules.Count)
            {
                context.AddFailure($"Rules[{position - 1}]", $"Rule {position} has no condition, so it takes every record and the rules after it never apply; give it a condition or move it to the end.");
            }
        });
        RuleFor(f => f.CallMinutes).InclusiveBetween(0, CrmRuleSet.MaxStandardMinutes).WithName("Call minutes");
        RuleFor(f => f.EmailMinutes).InclusiveBetween(0, CrmRuleSet.MaxStandardMinutes).WithName("Email minutes");
        RuleFor(f => f.MeetingMinutes).InclusiveBetween(0, CrmRuleSet.MaxStandardMinutes).WithName("Meeting minutes");
        RuleFor(f => f.TaskMinutes).InclusiveBetween(0, CrmRuleSet.MaxStandardMinutes).WithName("Task minutes");
    }
}
