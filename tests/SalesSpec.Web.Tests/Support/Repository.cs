namespace SalesSpec.Web.Tests.Support;

/// <summary>The repository the tests run from, for tests that check the docs against the code.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesSpec.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository: no SalesSpec.sln above " + AppContext.BaseDirectory);
        }
    }
}
