using Microsoft.EntityFrameworkCore.Metadata;

namespace SalesSpec.Web.Data;

/// <summary>
/// Hand-written SQL of one organisation. EF Core's "Tenant" query filter (<see cref="TenantFilter"/>) does not reach
/// raw SQL, so the import's set-based statements go through here: a statement names the organisation with the
/// <see cref="Organization"/> token, which becomes a parameter holding this organisation's id, and a statement that
/// reads an organisation-owned table without the token is refused before it runs.
/// </summary>
public sealed class TenantSql(SalesSpecDbContext db, int organizationId)
{
    /// <summary>Where the statement compares an <c>"OrganizationId"</c> column: <c>r."OrganizationId" = {organization}</c>.</summary>
    public const string Organization = "{organization}";

    /// <summary>Executes a statement; <paramref name="parameters"/> are <c>{0}</c>, <c>{1}</c>… as in EF Core's raw SQL.</summary>
    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        var (text, all) = Bind(sql, parameters);
        return db.Database.ExecuteSqlRawAsync(text, all, cancellationToken);
    }

    /// <summary>A query whose rows map to <typeparamref name="T"/> (a scalar's column is named "Value").</summary>
    public IQueryable<T> Query<T>(string sql, params object[] parameters)
    {
        var (text, all) = Bind(sql, parameters);
        return db.Database.SqlQueryRaw<T>(text, all);
    }

    private (string Sql, object[] Parameters) Bind(string sql, object[] parameters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!sql.Contains(Organization, StringComparison.Ordinal)
            && OwnedTables(db.Model).FirstOrDefault(t => sql.Contains($"\"{t}\"", StringComparison.Ordinal)) is { } table)
        {
            throw new InvalidOperationException(
                $"This statement reads \"{table}\" without naming the organisation; compare its \"OrganizationId\" with {Organization}.");
        }
        var index = parameters.Length.ToString(CultureInfo.InvariantCulture);
        return (sql.Replace(Organization, "{" + index + "}", StringComparison.Ordinal), [.. parameters, organizationId]);
    }

    /// <summary>
    /// The tables that carry an organisation id, read from the model so that a new one is covered the day it is
    /// mapped; the rest (time logs, timesheets, team history) are reached through their reps.
    /// </summary>
    public static IEnumerable<string> OwnedTables(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.GetEntityTypes()
            .Where(t => t.FindProperty("OrganizationId") is not null && t.GetTableName() is not null)
            .Select(t => t.GetTableName()!)
            .Distinct(StringComparer.Ordinal);
    }
}
