using SalesSpec.Domain.Organizations;

namespace SalesSpec.Web.Features.Organizations;

public sealed record OrganizationListItem(int Id, string Name, OrganizationTemplate Template, int Teams, int Reps);
