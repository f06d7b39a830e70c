using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>
/// A temporary table, inside the import's transaction, that takes the good lines of a file as they are
/// read, so that the merge into the time logs is one set-based statement and nothing of a bad file is
/// ever written outside it. Hours are kept as whole ten-thousandths: sums stay exact on SQLite too.
/// </summary>
internal abstract class TimeLogStaging : IDisposable
{
    public const string Table = "import_rows";

    public static TimeLogStaging For(SalesSpecDbContext db) =>
        db.Database.IsNpgsql() ? new PostgresTimeLogStaging(db) : new SqliteTimeLogStaging(db);

    public abstract bool IsPostgres { get; }

    /// <summary>Creates the table; the rows follow with <see cref="Add"/>, then <see cref="Complete"/>.</summary>
    public abstract void Start();

    public abstract void Add(int line, string email, DateOnly weekStart, int activityId, long hoursE4);

    public abstract void Complete();

    /// <summary>
    /// PostgreSQL drops its temporary tables with the transaction; SQLite keeps them for the pooled
    /// connection's life, so an earlier import's table of the same name is dropped first.
    /// </summary>
    public string CreateTableAs(string name) =>
        IsPostgres ? $"CREATE TEMP TABLE {name} ON COMMIT DROP AS" : $"DROP TABLE IF EXISTS temp.{name}; CREATE TEMP TABLE {name} AS";

    /// <summary>A sum of ten-thousandths as the column's decimal, exactly (<see cref="SqlHours.FromE4"/>).</summary>
    public string HoursFrom(string sumE4) => SqlHours.FromE4(IsPostgres, sumE4);

    public abstract void Dispose();

    protected static DbCommand Command(SalesSpecDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The staging table lives inside the import's transaction.");
        command.CommandTimeout = 0;
        return command;
    }
}
