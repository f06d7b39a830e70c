namespace SalesSpec.Web.Data;

/// <summary>Database errors that mean "someone else got there first", on either database.</summary>
public static class DbErrors
{
    /// <summary>A unique index refused a row: another save of the same thing committed first.</summary>
    public static bool IsUniqueViolation(Exception exception) => (exception is DbUpdateException ? exception.InnerException : exception) switch
    {
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19, // SQLITE_CONSTRAINT
        _ => false,
    };

    /// <summary>PostgreSQL gave up waiting for a row another transaction holds (lock_timeout or NOWAIT).</summary>
    public static bool IsLockTimeout(Exception exception) =>
        (exception is DbUpdateException ? exception.InnerException : exception) is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.LockNotAvailable };
}
