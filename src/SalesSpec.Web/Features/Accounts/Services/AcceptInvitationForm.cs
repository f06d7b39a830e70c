namespace SalesSpec.Web.Features.Accounts.Services;

public sealed class AcceptInvitationForm
{
    /// <summary>Set by the page, not the person: a new user chooses a name and a password twice.</summary>
    public bool IsNewUser { get; set; }

    public string Name { get; set; } = "";

    public string Password { get; set; } = "";

    public string ConfirmPassword { get; set; } = "";
}
