namespace SalesSpec.Web.Features.Accounts.Services;

public sealed class CreateTokenForm
{
    public string Name { get; set; } = "";

    public int Days { get; set; } = PersonalAccessTokenService.DefaultDays;
}
