namespace SalesSpec.Web.Tests.Support;

/// <summary>Theory data: every test that touches a database runs on both providers.</summary>
public sealed class Providers : TheoryData<string>
{
    public Providers()
    {
        Add("Sqlite");
        Add("Postgres");
    }
}
