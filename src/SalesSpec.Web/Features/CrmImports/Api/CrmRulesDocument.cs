using SalesSpec.Domain.Crm;
using SalesSpec.Web.Features.CrmImports.Services;

namespace SalesSpec.Web.Features.CrmImports.Api;

/// <summary>The rules as the API gives them: in order, with the standard minutes and the version.</summary>
public sealed record CrmRulesDocument(IReadOnlyList<ClassificationRule> Rules, IReadOnlyDictionary<CrmActivityType, int> StandardMinutes, int Version, bool IsDefault)
{
    public static CrmRulesDocument From(CrmRulesForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new(form.ToRules(), form.ToMinutes(), form.Version, form.Version == 0);
    }
}
