using Npgsql;
using NpgsqlTypes;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>Rows go in by binary COPY, the fastest way into PostgreSQL.</summary>
internal sealed class PostgresTimeLogStaging(SalesSpecDbContext db) : TimeLogStaging
{
    private NpgsqlBinaryImporter? _copy;

    public override bool IsPostgres => true;

    public override void Start()
    {
        using (var create = Command(db,
                   $"CREATE TEMP TABLE {Table} (line integer NOT NULL, email text NOT NULL, week_start date NOT NULL, activity_id integer NOT NULL, hours_e4 bigint NOT NULL) ON COMMIT DROP"))
        {
            create.ExecuteNonQuery();
        }
        var connection = (NpgsqlConnection)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database);
        _copy = connection.BeginBinaryImport($"COPY {Table} (line, email, week_start, activity_id, hours_e4) FROM STDIN (FORMAT BINARY)");
    }

    public override void Add(int line, string email, DateOnly weekStart, int activityId, long hoursE4)
    {
        var copy = _copy ?? throw new InvalidOperationException("Start the staging first.");
        copy.StartRow();
        copy.Write(line, NpgsqlDbType.Integer);
        copy.Write(email, NpgsqlDbType.Text);
        copy.Write(weekStart, NpgsqlDbType.Date);
        copy.Write(activityId, NpgsqlDbType.Integer);
        copy.Write(hoursE4, NpgsqlDbType.Bigint);
    }

    public override void Complete()
    {
        var copy = _copy ?? throw new InvalidOperationException("Start the staging first.");
        copy.Complete();
        copy.Dispose();
        _copy = null;
        // Fresh statistics, so the merge joins the staged rows the right way round.
        using var analyze = Command(db, $"ANALYZE {Table}");
        analyze.ExecuteNonQuery();
    }

    public override void Dispose()
    {
        // Disposed before Complete: the COPY is cancelled, and the transaction rolls back the rest.
        _copy?.Dispose();
        _copy = null;
    }
}
