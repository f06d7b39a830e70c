namespace SalesSpec.Web.Features.Accounts.Services;

public sealed class LoginForm
{
    public string Email { get; set; } = "";

    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
