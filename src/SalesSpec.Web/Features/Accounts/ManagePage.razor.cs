using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using SalesSpec.Web.Components.Account;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Features.Accounts;

/// <summary>
/// The signed-in person's sessions, "sign out everywhere" and a password change. Rendered on the server without a
/// circuit, like the sign-in page, because a password change re-issues this browser's cookie.
/// </summary>
public sealed partial class ManagePage
{
    public const string WrongPasswordMessage = "That is not your current password.";

    private IReadOnlyList<UserSession> _sessions = [];
    private Guid? _current;
    private string? _email;
    private string? _userId;
    private string? _error;
    private Dictionary<string, string> _errors = [];

    [Inject] private UserSessionService Sessions { get; set; } = null!;
    [Inject] private UserManager<ApplicationUser> Users { get; set; } = null!;
    [Inject] private SignInManager<ApplicationUser> SignInManager { get; set; } = null!;
    [Inject] private IValidator<ChangePasswordForm> Validator { get; set; } = null!;
    [Inject] private SignInLimiter Limiter { get; set; } = null!;
    [Inject] private IdentityRedirectManager RedirectManager { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [SupplyParameterFromForm(Name = "Input")]
    private ChangePasswordForm? Form { get; set; }

    private ChangePasswordForm Input => Form ??= new ChangePasswordForm();

    [SupplyParameterFromQuery(Name = "changed")]
    private bool Changed { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _email = user.Identity?.Name;
        _userId = OrganizationAccess.UserId(user);
        _current = UserSessionService.SessionId(user);
        await LoadSessionsAsync();
    }

    private async Task LoadSessionsAsync() => _sessions = _userId is null ? [] : await Sessions.ListActiveAsync(_userId);

    private async Task ChangePasswordAsync()
    {
        _error = null;
        _errors = await Validator.FieldErrorsAsync(Input);
        if (_errors.Count > 0 || _userId is null || await Users.FindByIdAsync(_userId) is not { } user)
        {
            return;
        }
        // A wrong current password is a guess at it: it counts against the same per-account limit as signing in.
        if (Limiter.TryAttempt(user.Email ?? user.Id) is { } wait)
        {
            _error = SignInLimiter.WaitMessage(SignInLimiter.Seconds(wait));
            return;
        }
        var result = await Users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                _errors[nameof(ChangePasswordForm.CurrentPassword)] = WrongPasswordMessage;
            }
            else
            {
                _errors[nameof(ChangePasswordForm.NewPassword)] = string.Join(" ", result.Errors.Select(e => e.Description));
            }
            return;
        }
        await Sessions.EndAllAsync(user.Id, except: _current);
        await ReissueCookieAsync(user);
        RedirectManager.RedirectTo("/Account/Manage?changed=true");
    }

    // The password change renewed the security stamp; this browser gets a cookie with the new one and the same session.
    private async Task ReissueCookieAsync(ApplicationUser user)
    {
        if (HttpContext is null || _current is not { } session)
        {
            return;
        }
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await SignInManager.SignInWithClaimsAsync(user, current.Properties ?? new AuthenticationProperties(),
            [new Claim(UserSessionService.ClaimType, session.ToString())]);
    }
}
