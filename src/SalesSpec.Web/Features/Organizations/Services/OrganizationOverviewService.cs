namespace SalesSpec.Web.Features.Organizations.Services;

/// <summary>Reads what the overview page shows; hours are summed in the database.</summary>
public sealed class OrganizationOverviewService(OrganizationAccess access, TimeProvider clock)
{
    public const int DefaultWeeks = 12;

    /// <summary>The organisation with its teams and reps, and hours over the last <see cref="DefaultWeeks"/> complete weeks.</summary>
    /// Managers see their teams, reps only themselves.
    public async Task<OrganizationOverview?> GetAsync(MemberAccess member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var wholeOrganization = member.SeesWholeOrganization;
        var teamIds = member.ManagedTeamIds.ToList();
        var ownRep = member.RepId ?? 0;
        await using var db = await access.OpenAsync(member, cancellationToken);
        var organization = await db.Organizations.AsNoTracking()
            .Include(o => o.Teams)
            .SingleOrDefaultAsync(cancellationToken);
        if (organization is null)
        {
            return null;
        }

        var lastWeek = member.ThisWeek(clock).AddWeeks(-1);
        var firstWeek = lastWeek.AddWeeks(-(DefaultWeeks - 1));
        // From the weekly summary: a rep-week is one row there, so its rows are the weeks the rep logged.
        var hoursByRep = (await db.RepWeekSummaries
                .Where(s => s.WeekStart >= firstWeek.Monday && s.WeekStart <= lastWeek.Monday)
                .Where(s => wholeOrganization || db.Reps.Any(r => r.Id == s.RepId && ((r.TeamId != null && teamIds.Contains(r.TeamId.Value)) || r.Id == ownRep)))
                .GroupBy(s => s.RepId)
                .Select(g => new
                {
                    RepId = g.Key,
                    E4 = g.Sum(s => (long)s.InboundQualificationE4 + s.OutboundProspectingE4 + s.ClosingE4 + s.PostSalesE4 + s.NonSellingE4),
                    Weeks = g.Count(),
                })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => x.RepId, x => new { Hours = x.E4 / SqlHours.PerHour, x.Weeks });

        var reps = (await db.Reps.AsNoTracking()
                .Where(r => wholeOrganization || (r.TeamId != null && teamIds.Contains(r.TeamId.Value)) || r.Id == ownRep)
                .OrderBy(r => r.Name)
                .Select(r => new { r.Id, r.Name, r.Email, Team = r.Team == null ? null : r.Team.Name, r.TeamId, Role = r.Role.Name, r.Role.CoreWorkload, r.Role.IsAnalysed, r.IsActive, r.Fte })
                .ToListAsync(cancellationToken))
            .Select(r =>
            {
                var logged = hoursByRep.GetValueOrDefault(r.Id);
                return (r.TeamId, Row: new RepRow(r.Id, r.Name, r.Email, r.Team, r.Role, r.CoreWorkload, r.IsAnalysed, r.IsActive, r.Fte,
                    logged?.Hours ?? 0m, logged?.Weeks ?? 0));
            })
            .ToList();

        var teams = organization.Teams
            .Where(t => wholeOrganization || member.ManagedTeamIds.Contains(t.Id))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .Select(t =>
            {
                var members = reps.Where(r => r.TeamId == t.Id).Select(r => r.Row).ToList();
                return new TeamRow(t.Id, t.Name, members.Count, members.Sum(m => m.Hours));
            })
            .ToList();

        SetupProgress? setup = null;
        if (!await db.TimeLogs.AnyAsync(cancellationToken))
        {
            setup = new SetupProgress(
                organization.Teams.Count > 0,
                reps.Count > 0,
                // A catalogue someone has edited has its changes in the audit log.
                await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Activity), cancellationToken));
        }

        // The months the lead counts card shows, so both say the same average.
        var today = member.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var firstMonth = thisMonth.AddMonths(-(LeadCounts.LeadCountService.MonthsShown - 1));
        var leads = await db.MonthlyLeadCounts.Where(c => c.Month >= firstMonth && c.Month <= thisMonth).GroupBy(c => 1)
            .Select(g => new { Months = g.Count(), Leads = g.Sum(c => (long)c.InboundLeads) })
            .FirstOrDefaultAsync(cancellationToken);

        return new OrganizationOverview(
            OrganizationDocument.Of(organization.Id, OrganizationForm.From(organization)),
            firstWeek,
            lastWeek,
            teams,
            reps.Select(r => r.Row).ToList())
        { Setup = setup, RecordedLeads = leads is null ? default : (leads.Months, leads.Leads) };
    }
}
