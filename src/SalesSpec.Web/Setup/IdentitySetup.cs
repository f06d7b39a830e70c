using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using SalesSpec.Web.Components.Account;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Setup;

public static class IdentitySetup
{
    public const int MaxFailedSignIns = 5;

    /// <summary>API callers: a browser session cookie or a personal access token.</summary>
    public const string ApiPolicy = "Api";

    public static IServiceCollection AddSalesSpecIdentity(this IServiceCollection services)
    {
        // Several instances behind a load balancer must read each other's cookies: keys live in the database.
        services.AddDataProtection().SetApplicationName("SalesSpec").PersistKeysToDbContext<SalesSpecDbContext>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(
            TokenAuthenticationHandler.SchemeName, null);
        services.AddSingleton<PersonalAccessTokenService>();
        services.AddSingleton<SalesSpec.Web.Features.Profile.NumberPreferenceService>();
        services.AddSingleton<UserSessionService>();
        services.AddScoped<SessionSignIn>();
        services.AddSingleton<FirstRunService>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "SalesSpec.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            // An API caller wants a status code, not the sign-in page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            // Identity's security-stamp check stays; before it, the cookie's server-side session must be live.
            var checkStamp = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessionService>();
                if (context.Principal is null || !await sessions.IsActiveAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await checkStamp(context);
            };
        });
        // The stamp check rebuilds the principal every 30 minutes; the session claim must survive that.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            var session = context.CurrentPrincipal?.FindFirst(UserSessionService.ClaimType);
            if (session is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == UserSessionService.ClaimType))
            {
                identity.AddClaim(new Claim(UserSessionService.ClaimType, session.Value));
            }
            return Task.CompletedTask;
        });

        services.AddSalesSpecIdentityStores();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, TokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        services.AddSingleton<OrganizationAccess>();
        return services;
    }

    /// <summary>Users and their stores: what start-up (demo accounts) needs, without the web parts.</summary>
    public static IServiceCollection AddSalesSpecIdentityStores(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SalesSpecDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordLengthValidator>();
        return services;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
