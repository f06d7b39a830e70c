using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using SalesSpec.Domain.Workshops;

namespace SalesSpec.Web.Features.Workshops.Services;

/// <summary>What a phone sees of a workshop: its title and the lists to answer from, nothing else of the organisation.</summary>
public sealed record JoinView(
    string Code,
    string Title,
    bool IsAnonymous,
    bool IsOpen,
    string? ClosedMessage,
    int? DefaultTeamId,
    IReadOnlyList<(int Id, string Name)> Roles,
    IReadOnlyList<(int Id, string Name)> Teams,
    IReadOnlyList<JoinShare> Activities,
    JoinForm? Answer);

/// <summary>
/// The phone's side of a workshop, without an account: the join code finds the session (across organisations, the
/// only look across them here), a device cookie finds the person's answer. Only the session's title, the
/// organisation's role and team names and its activity catalogue are shown; nothing is read by anything but the code.
/// </summary>
public sealed class JoinService(IDbContextFactory<SalesSpecDbContext> contextFactory, IValidator<JoinForm> validator, WorkshopNotifier notifier, TimeProvider clock)
{
    public const string DeviceCookie = "salesspec-workshop-device";

    /// <summary>The workshop behind a code with the device's answer, or null when no workshop has this code.</summary>
    public async Task<JoinView?> FindAsync(string? code, string? deviceCookie, CancellationToken cancellationToken = default)
    {
        if (!JoinCode.TryParse(code, out var joinCode))
        {
            return null;
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.WorkshopSessions.AcrossOrganizations().AsNoTracking().FirstOrDefaultAsync(s => s.Code == joinCode.Value, cancellationToken);
        if (session is null)
        {
            return null;
        }
        db.ScopeTo(session.OrganizationId);
        var now = clock.GetUtcNow();
        var roles = await db.SalesRoles.AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => !t.IsArchived).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(a => !a.IsArchived)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Name)
            .Select(a => new JoinShare { ActivityId = a.Id, Activity = a.Name, Function = a.Function })
            .ToListAsync(cancellationToken);
        JoinForm? answer = null;
        if (Digest(deviceCookie) is { } device)
        {
            var existing = await db.WorkshopAnswers.AsNoTracking().Include(a => a.Shares)
                .FirstOrDefaultAsync(a => a.SessionId == session.Id && a.Device == device, cancellationToken);
            if (existing is not null)
            {
                var percents = existing.Shares.ToDictionary(s => s.ActivityId, s => s.Percent);
                answer = new JoinForm
                {
                    Name = session.IsAnonymous ? existing.Initials : existing.Name,
                    Email = existing.Email,
                    RoleId = existing.RoleId,
                    TeamId = existing.TeamId,
                    Shares = activities.Select(a => new JoinShare
                    {
                        ActivityId = a.ActivityId,
                        Activity = a.Activity,
                        Function = a.Function,
                        Percent = percents.TryGetValue(a.ActivityId, out var p) ? p : null,
                    }).ToList(),
                };
            }
        }
        string? closed = null;
        if (!session.IsOpen(now))
        {
            try
            {
                session.EnsureOpen(now);
            }
            catch (DomainRuleException refused)
            {
                closed = refused.Message;
            }
        }
        return new JoinView(joinCode.Display, session.Title, session.IsAnonymous, session.IsOpen(now), closed,
            teams.Any(t => t.Id == session.TeamId) ? session.TeamId : null,
            roles.Select(r => (r.Id, r.Name)).ToList(), teams.Select(t => (t.Id, t.Name)).ToList(), activities, answer);
    }

    /// <summary>Records or replaces the device's answer; the field errors when the answer does not hold.</summary>
    public async Task<Outcome<Dictionary<string, string>>> AnswerAsync(string? code, string? deviceCookie, JoinForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!JoinCode.TryParse(code, out var joinCode) || Digest(deviceCookie) is not { } device)
        {
            return Outcome.NotFound<Dictionary<string, string>>("There is no workshop with this code.");
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.WorkshopSessions.AcrossOrganizations().FirstOrDefaultAsync(s => s.Code == joinCode.Value, cancellationToken);
        if (session is null)
        {
            return Outcome.NotFound<Dictionary<string, string>>("There is no workshop with this code.");
        }
        db.ScopeTo(session.OrganizationId);
        var now = clock.GetUtcNow();
        if (!session.IsOpen(now))
        {
            return Outcome.Locked<Dictionary<string, string>>(session.IsExpired(now)
                ? "This workshop has ended: answers are no longer taken."
                : "This workshop is closed: answers are no longer taken.");
        }
        var activities = await db.Activities.AsNoTracking().Where(a => !a.IsArchived)
            .ToDictionaryAsync(a => a.Id, a => new { a.Name, a.Function }, cancellationToken);
        // Only the catalogue's activities count; the names in messages are the catalogue's, never the post's.
        if (form.Shares.Any(s => !activities.ContainsKey(s.ActivityId) && s.Percent is not (null or 0m)))
        {
            var stale = new Dictionary<string, string> { [nameof(JoinForm.Shares)] = "An activity you answered for is no longer in the list; reload the page and answer again." };
            return new Outcome<Dictionary<string, string>>(OutcomeKind.Invalid, stale, stale.Values.ToList());
        }
        form.Shares = form.Shares.Take(JoinForm.MaxShares + 1)
            .Where(s => activities.ContainsKey(s.ActivityId))
            .Select(s => new JoinShare { ActivityId = s.ActivityId, Activity = activities[s.ActivityId].Name, Function = activities[s.ActivityId].Function, Percent = s.Percent })
            .ToList();
        form.IsAnonymous = session.IsAnonymous;
        form.Roles = await db.SalesRoles.Select(r => r.Id).ToListAsync(cancellationToken);
        form.Teams = await db.Teams.Where(t => !t.IsArchived).Select(t => t.Id).ToListAsync(cancellationToken);
        var result = await validator.ReviewAsync(form, cancellationToken);
        var errors = result.Errors.Where(e => e.Severity == Severity.Error)
            .GroupBy(e => e.PropertyName.StartsWith(nameof(JoinForm.Shares), StringComparison.Ordinal) ? nameof(JoinForm.Shares) : e.PropertyName)
            .ToDictionary(g => g.Key, g => g.First().ErrorMessage);
        if (errors.Count > 0)
        {
            return new Outcome<Dictionary<string, string>>(OutcomeKind.Invalid, errors, errors.Values.ToList());
        }
        var answer = await db.WorkshopAnswers.Include(a => a.Shares).FirstOrDefaultAsync(a => a.SessionId == session.Id && a.Device == device, cancellationToken);
        if (answer is null)
        {
            answer = new WorkshopAnswer(session, device, now);
            db.WorkshopAnswers.Add(answer);
        }
        answer.Answer(session, form.Name, form.Email, form.RoleId!.Value, form.TeamId,
            form.Shares.Select(s => (s.ActivityId, s.Percent ?? 0m)).ToList(), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<WorkshopAnswer>().Any(e => e.State == EntityState.Added))
        {
            // The same phone sent twice at once: the other post made the answer; this one changes it.
            return await AnswerAsync(code, deviceCookie, form, cancellationToken);
        }
        await notifier.PublishAsync(session.Id, cancellationToken);
        return Outcome.Done(new Dictionary<string, string>());
    }

    /// <summary>A new device cookie: 32 random bytes, URL-safe.</summary>
    public static string NewDevice() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What is stored of the cookie: its SHA-256, so the database holds nothing a phone could replay.</summary>
    public static string? Digest(string? deviceCookie) =>
        string.IsNullOrEmpty(deviceCookie) || deviceCookie.Length > 100
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deviceCookie)));
}
