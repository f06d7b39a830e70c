namespace SalesSpec.Web.Data;

/// <summary>
/// Exact sums of hours in hand-written SQL. PostgreSQL sums numeric exactly; SQLite keeps EF Core's decimals as
/// text and its SUM would add them as floating point (7.1 + 0.2 = 7.300000000000001), so there they are summed as
/// whole ten-thousandths (hours have at most four decimals) and written back as EF Core's decimal text.
/// </summary>
public static class SqlHours
{
    /// <summary>Ten-thousandths in an hour: the unit of the weekly summary's integer columns.</summary>
    public const decimal PerHour = 10_000m;

    /// <summary>The sum as whole ten-thousandths of an hour (a 64-bit integer on both databases).</summary>
    public static string SumE4(bool postgres, string hours) => postgres
        ? $"CAST(SUM({hours}) * 10000 AS bigint)"
        : $"SUM(CAST(ROUND({hours} * 10000) AS INTEGER))";

    /// <summary>A sum of ten-thousandths as the column's decimal, exactly: numeric on PostgreSQL, EF's decimal text on SQLite.</summary>
    public static string FromE4(bool postgres, string sumE4) => postgres
        ? $"CAST({sumE4} AS numeric) / 10000"
        : $"CASE WHEN {sumE4} % 10000 = 0 THEN printf('%d.0', {sumE4} / 10000) ELSE rtrim(printf('%d.%04d', {sumE4} / 10000, {sumE4} % 10000), '0') END";
}
