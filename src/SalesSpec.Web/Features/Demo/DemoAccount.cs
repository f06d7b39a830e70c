namespace SalesSpec.Web.Features.Demo;

public sealed record DemoAccount(string Email, string Name, MemberRole Role, string Description);
