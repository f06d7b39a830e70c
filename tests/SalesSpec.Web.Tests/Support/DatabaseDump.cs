using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SalesSpec.Web.Tests.Support;

/// <summary>
/// Every column of every row, read with plain SQL (past the model's filters and conversions), a line a row: two dumps
/// without <see cref="Changes"/> between them mean that not one value changed in between.
/// </summary>
public static class DatabaseDump
{
    /// <summary>Every table the model maps, of every organisation.</summary>
    public static async Task<IReadOnlyList<string>> AllAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        return await DumpAsync(db, Tables(db.Model).Select(t => (t.Name, "")), organizationId: null);
    }

    /// <summary>
    /// The rows of one organisation: its own, those of the tables that carry its id, and those that point at one of
    /// those (time logs, timesheets and team history through their reps, managed teams through their teams).
    /// </summary>
    public static async Task<IReadOnlyList<string>> OrganizationAsync(TestDatabase database, string organizationName)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = await database.Factory.CreateDbContextAsync();
        var id = await db.Organizations.IgnoreQueryFilters().Where(o => o.Name == organizationName).Select(o => o.Id).SingleAsync();
        var owned = Tables(db.Model).Where(t => t.Type.FindProperty("OrganizationId") is not null).ToList();
        var ownedNames = owned.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var tables = new List<(string Name, string Where)> { ("Organizations", "\"Id\" = @organization") };
        tables.AddRange(owned.Select(t => (t.Name, "\"OrganizationId\" = @organization")));
        foreach (var (name, type) in Tables(db.Model).Where(t => t.Name != "Organizations" && !ownedNames.Contains(t.Name)))
        {
            var through = type.GetForeignKeys()
                .Where(k => k.Properties.Count == 1 && ownedNames.Contains(k.PrincipalEntityType.GetTableName()!))
                .Select(k => $"\"{k.Properties[0].GetColumnName()}\" IN (SELECT \"{k.PrincipalKey.Properties[0].GetColumnName()}\" FROM \"{k.PrincipalEntityType.GetTableName()}\" WHERE \"OrganizationId\" = @organization)")
                .ToList();
            if (through.Count > 0)
            {
                tables.Add((name, string.Join(" OR ", through)));
            }
        }
        return await DumpAsync(db, tables, id);
    }

    private static IEnumerable<(string Name, IEntityType Type)> Tables(IModel model) =>
        model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.GetViewName() is null && t.FindOwnership() is null)
            .GroupBy(t => t.GetTableName()!, StringComparer.Ordinal)
            .Select(g => (g.Key, g.OrderBy(t => t.BaseType is null ? 0 : 1).First()))
            .OrderBy(t => t.Key, StringComparer.Ordinal);

    private static async Task<IReadOnlyList<string>> DumpAsync(DbContext db, IEnumerable<(string Name, string Where)> tables, int? organizationId)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = new List<string>();
        foreach (var (name, where) in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{name}\"{(where.Length == 0 ? "" : " WHERE " + where)}";
            if (organizationId is { } id)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@organization";
                parameter.Value = id;
                command.Parameters.Add(parameter);
            }
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(name + ": " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i) + "=" + Text(reader, i))));
            }
        }
        return lines.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The rows that one dump has and the other has not ("-" gone, "+" new; a changed row is both), the first 50.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in before)
        {
            counts[line] = counts.GetValueOrDefault(line) + 1;
        }
        foreach (var line in after)
        {
            counts[line] = counts.GetValueOrDefault(line) - 1;
        }
        return counts.Where(c => c.Value != 0)
            .SelectMany(c => Enumerable.Repeat((c.Value > 0 ? "- " : "+ ") + c.Key, Math.Abs(c.Value)))
            .Order(StringComparer.Ordinal)
            .Take(50)
            .ToList();
    }

    private static string Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? "NULL" : reader.GetValue(ordinal) switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString() ?? "",
    };
}
