using System.Data.Common;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>Rows go in through one prepared insert, re-used for every row, inside the import's one transaction.</summary>
internal sealed class SqliteTimeLogStaging(SalesSpecDbContext db) : TimeLogStaging
{
    private static readonly string[] ParameterNames = ["$line", "$email", "$week", "$activity", "$hours"];
    private DbCommand? _insert;
    private DbParameter[] _values = [];

    public override bool IsPostgres => false;

    public override void Start()
    {
        using (var create = Command(db,
                   $"DROP TABLE IF EXISTS temp.{Table}; CREATE TEMP TABLE {Table} (line INTEGER NOT NULL, email TEXT NOT NULL, week_start TEXT NOT NULL, activity_id INTEGER NOT NULL, hours_e4 INTEGER NOT NULL)"))
        {
            create.ExecuteNonQuery();
        }
        _insert = Command(db, $"INSERT INTO {Table} (line, email, week_start, activity_id, hours_e4) VALUES ($line, $email, $week, $activity, $hours)");
        _values = ParameterNames.Select(name =>
        {
            var parameter = _insert.CreateParameter();
            parameter.ParameterName = name;
            _insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        _insert.Prepare();
    }

    public override void Add(int line, string email, DateOnly weekStart, int activityId, long hoursE4)
    {
        var insert = _insert ?? throw new InvalidOperationException("Start the staging first.");
        _values[0].Value = line;
        _values[1].Value = email;
        // The same text EF writes for a DateOnly, so joins with the time logs compare like with like.
        _values[2].Value = weekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _values[3].Value = activityId;
        _values[4].Value = hoursE4;
        insert.ExecuteNonQuery();
    }

    public override void Complete()
    {
        _insert?.Dispose();
        _insert = null;
    }

    public override void Dispose() => _insert?.Dispose();
}
