using Microsoft.AspNetCore.Identity;
using SalesSpec.Web.Features.Accounts.Services;

namespace SalesSpec.Web.Features.Demo;

/// <summary>The documented demo sign-ins, created in demo mode only.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-1234!";
    public const string ManagedTeam = "Commercial";
    public const string RepEmail = "olivia.patel@northwind.test";

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin@demo.salesspec", "Alex Admin", MemberRole.Admin, "Admin of Northwind Cloud"),
        new("leader@demo.salesspec", "Lee Leader", MemberRole.Leader, "VP of sales, Northwind Cloud"),
        new("manager@demo.salesspec", "Mia Manager", MemberRole.Manager, $"manages the {ManagedTeam} team"),
        new("rep@demo.salesspec", "Olivia Patel", MemberRole.Rep, "a rep (Olivia Patel)"),
        new("consultant@demo.salesspec", "Casey Consultant", MemberRole.Consultant, "consultant, also for Contoso Analytics"),
    ];

    public static async Task SeedAsync(
        UserManager<ApplicationUser> users, SalesSpecDbContext db, Organization northwind, IReadOnlyList<Rep> northwindReps, Organization contoso)
    {
        foreach (var account in All)
        {
            var user = new ApplicationUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo user {account.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            var rep = account.Role == MemberRole.Rep ? northwindReps.Single(r => r.Email == RepEmail) : null;
            var teams = account.Role == MemberRole.Manager ? northwind.Teams.Where(t => t.Name == ManagedTeam).ToList() : null;
            db.Memberships.Add(Membership.Create(user.Id, northwind, account.Role, rep, teams));
            if (account.Role == MemberRole.Consultant)
            {
                db.Memberships.Add(Membership.Create(user.Id, contoso, MemberRole.Consultant));
            }
        }
        await db.SaveChangesAsync();
    }
}
