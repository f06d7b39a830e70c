using System.Text;
using FluentValidation;
using SalesSpec.Formats.LeadCountCsv;

namespace SalesSpec.Web.Features.LeadCounts;

/// <summary>
/// Monthly inbound lead counts (seed 003: a couple of hundred inbound leads a month justify a Market
/// Response Rep). Entered month by month or imported as <c>month,leads</c>; both are all or nothing,
/// and a month someone else changed since it was loaded is reported, not overwritten.
/// </summary>
public sealed class LeadCountService(OrganizationAccess access, IValidator<LeadCountMonth> validator, TimeProvider clock)
{
    public const int MonthsShown = 12;

    /// <summary>The last <see cref="MonthsShown"/> months up to this one, newest first, with what is recorded.</summary>
    public async Task<IReadOnlyList<LeadCountMonth>> GetAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var today = member.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var first = thisMonth.AddMonths(-(MonthsShown - 1));
        await using var db = await access.OpenAsync(member, cancellationToken);
        var recorded = await db.MonthlyLeadCounts.AsNoTracking()
            .Where(m => m.Month >= first && m.Month <= thisMonth)
            .ToDictionaryAsync(m => m.Month, m => m.InboundLeads, cancellationToken);
        return Enumerable.Range(0, MonthsShown)
            .Select(i => thisMonth.AddMonths(-i))
            .Select(month => recorded.TryGetValue(month, out var leads)
                ? new LeadCountMonth { Month = month, Recorded = leads, Leads = leads }
                : new LeadCountMonth { Month = month })
            .ToList();
    }

    public const string NotAllowed = "Only Admins, Leaders and Consultants record lead counts.";

    /// <summary>Saves the changed months (an emptied month is removed) and answers how many; all or nothing.</summary>
    public async Task<Outcome<int>> SaveAsync(MemberAccess member, IReadOnlyList<LeadCountMonth> months, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(months);
        if (!member.MayImport)
        {
            return Outcome.Forbidden<int>(NotAllowed);
        }
        var changed = months.Where(m => m.Changed).ToList();
        var problems = await validator.ErrorsAsync(changed, cancellationToken);
        if (problems.Count > 0 || changed.Count == 0)
        {
            return problems.Count > 0 ? Outcome.Invalid<int>(problems) : Outcome.Done(0);
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var keys = changed.Select(m => m.Month).ToList();
        var existing = await db.MonthlyLeadCounts.Where(m => keys.Contains(m.Month)).ToDictionaryAsync(m => m.Month, cancellationToken);
        foreach (var month in changed)
        {
            var now = existing.TryGetValue(month.Month, out var row) ? row.InboundLeads : (int?)null;
            if (now != month.Recorded)
            {
                problems.Add($"{month.Month:MMM yyyy} was changed by someone else to {(now is null ? "nothing" : now.Value.ToString("N0", CultureInfo.InvariantCulture))} since you opened the page; nothing was saved. Reload to see it.");
            }
        }
        if (problems.Count > 0)
        {
            return Outcome.Conflict<int>(problems);
        }
        var organization = await db.Organizations.SingleAsync(cancellationToken);
        foreach (var month in changed)
        {
            Apply(db, organization, existing.GetValueOrDefault(month.Month), month.Month, month.Leads);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(changed.Count);
    }

    /// <summary>Imports <c>month,leads</c> lines and answers how many: each month in the file replaces what was recorded for it; others stay.</summary>
    public async Task<Outcome<int>> ImportAsync(MemberAccess member, Stream csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(csv);
        if (!member.MayImport)
        {
            return Outcome.Forbidden<int>(NotAllowed);
        }
        using var text = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var (rows, problems) = LeadCountCsvReader.Read(new StringReader(await text.ReadToEndAsync(cancellationToken)));
        if (problems.Count > 0)
        {
            return Outcome.Invalid<int>(problems.Select(p => p.ToString()));
        }
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.SingleAsync(cancellationToken);
        var months = rows.Select(r => r.Month).ToList();
        var existing = await db.MonthlyLeadCounts.Where(m => months.Contains(m.Month)).ToDictionaryAsync(m => m.Month, cancellationToken);
        foreach (var row in rows)
        {
            Apply(db, organization, existing.GetValueOrDefault(row.Month), row.Month, row.Leads);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(rows.Count);
    }

    private static void Apply(Data.SalesSpecDbContext db, Organization organization, MonthlyLeadCount? row, DateOnly month, int? leads)
    {
        if (leads is null)
        {
            if (row is not null)
            {
                db.MonthlyLeadCounts.Remove(row);
            }
        }
        else if (row is null)
        {
            db.MonthlyLeadCounts.Add(MonthlyLeadCount.Create(organization, month.Year, month.Month, leads.Value));
        }
        else
        {
            row.ChangeInboundLeads(leads.Value);
        }
    }
}
