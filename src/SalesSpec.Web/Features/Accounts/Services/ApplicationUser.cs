using Microsoft.AspNetCore.Identity;

namespace SalesSpec.Web.Features.Accounts.Services;

/// <summary>A person who signs in. What they may see lives in their memberships, one per organisation.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The decimal mark the person chose on their profile ("." or ","), or null to follow the browser's language.</summary>
    public string? DecimalMark { get; set; }
}
