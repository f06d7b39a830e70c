namespace SalesSpec.Web.Features.Accounts.Services;

public sealed class SetupForm
{
    public string OrganizationName { get; set; } = "";

    public OrganizationTemplate Template { get; set; } = OrganizationTemplate.FourRoles;

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}
