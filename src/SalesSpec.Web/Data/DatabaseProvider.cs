namespace SalesSpec.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
