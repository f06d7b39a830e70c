using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Domain.Analysis;

/// <summary>
/// A period's hours summed the way the analyzer reads them: per rep and function, per week and function, and the
/// weeks each rep logged no hours. The database sums a weekly summary into this shape (thousands of rows, not
/// millions); <see cref="Sum"/> does the same from rep-week rows (a CSV file, a scenario's week).
/// </summary>
/// <remarks>
/// <see cref="Weeks"/> covers exactly the reps the analysis is about (the scope's active, analysed reps); the
/// analyzer ignores entries of <see cref="Reps"/> outside its scope, but cannot take a rep out of a week's sum.
/// </remarks>
public sealed record PeriodHours(IReadOnlyList<RepPeriodHours> Reps, IReadOnlyList<WeekHours> Weeks)
{
    private static readonly int FunctionCount = Enum.GetValues<SalesFunction>().Length;

    /// <summary>
    /// Sums rep-week rows of the period whose rep <paramref name="inScope"/> accepts (by email, any case); the rep's
    /// email as <paramref name="inScope"/> returns it. Negative hours are refused, naming the row.
    /// </summary>
    public static PeriodHours Sum(IEnumerable<RepWeekHours> rows, IsoWeek from, IsoWeek to, Func<string, string?> inScope)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(inScope);
        var byRep = new Dictionary<string, decimal[]>(StringComparer.OrdinalIgnoreCase);
        var byWeek = new Dictionary<IsoWeek, decimal[]>();
        var byRepWeek = new Dictionary<(string Email, IsoWeek Week), decimal>();
        foreach (var row in rows)
        {
            if (row.Week < from || row.Week > to || inScope(row.Email) is not { } email)
            {
                continue;
            }
            if (row.Hours < 0)
            {
                throw new DomainRuleException($"Hours cannot be negative ({row.Email}, {row.Week}, {row.Function}: {row.Hours}).");
            }
            Add(byRep, email, row.Function, row.Hours);
            Add(byWeek, row.Week, row.Function, row.Hours);
            byRepWeek[(email, row.Week)] = byRepWeek.GetValueOrDefault((email, row.Week)) + row.Hours;
        }
        var weeks = Enumerable.Range(0, from.WeeksThrough(to)).Select(from.AddWeeks).ToList();
        return new PeriodHours(
            byRep.Select(r => new RepPeriodHours(r.Key, r.Value, weeks.Where(w => byRepWeek.GetValueOrDefault((r.Key, w)) <= 0).ToList())).ToList(),
            byWeek.Select(w => new WeekHours(w.Key, w.Value)).OrderBy(w => w.Week).ToList());
    }

    private static void Add<TKey>(Dictionary<TKey, decimal[]> sums, TKey key, SalesFunction function, decimal hours)
        where TKey : notnull
    {
        if (!sums.TryGetValue(key, out var values))
        {
            values = new decimal[FunctionCount];
            sums[key] = values;
        }
        values[(int)function] += hours;
    }
}

/// <summary>One rep's hours of the period per function (indexed by <see cref="SalesFunction"/>), and the period's weeks in which they logged none.</summary>
public sealed record RepPeriodHours(string Email, IReadOnlyList<decimal> ByFunction, IReadOnlyList<IsoWeek> WeeksWithoutHours);

/// <summary>One week's hours per function (indexed by <see cref="SalesFunction"/>), over the reps of the analysis.</summary>
public sealed record WeekHours(IsoWeek Week, IReadOnlyList<decimal> ByFunction);
