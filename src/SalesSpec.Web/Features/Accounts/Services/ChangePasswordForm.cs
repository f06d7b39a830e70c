namespace SalesSpec.Web.Features.Accounts.Services;

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";

    public string NewPassword { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}
