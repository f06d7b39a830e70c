using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace SalesSpec.Web.Features.Access;

/// <summary>
/// A page of one organisation (<c>/organizations/{OrganizationId}/…</c>). The signed-in user's membership is resolved
/// here, once per parameter set, and handed to the page; null means not a member, which looks the same as an
/// organisation that does not exist. What the member may do is then asked of <see cref="MemberAccess"/>.
/// </summary>
public abstract class OrganizationPage : ComponentBase
{
    public const string NoAccessMessage = "This organisation does not exist or you have no access to it.";

    [Parameter]
    public int OrganizationId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Inject]
    private OrganizationAccess Access { get; set; } = null!;

    protected sealed override async Task OnParametersSetAsync() =>
        await OnMemberAsync(await Access.ForAsync((await AuthenticationState).User, OrganizationId));

    /// <summary>Loads the page for this member (null: not a member of <see cref="OrganizationId"/>).</summary>
    protected abstract Task OnMemberAsync(MemberAccess? member);
}
