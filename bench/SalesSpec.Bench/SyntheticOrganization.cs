using System.Globalization;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;

namespace SalesSpec.Bench;

/// <summary>
/// A deterministic organisation of any size: <c>reps</c> reps in teams of ten, mostly full-cycle reps,
/// each logging <c>activities</c> activities a week for <c>weeks</c> weeks, less the weeks off a real
/// organisation has (<see cref="IsWeekOff"/>: about one week in twelve). Same arguments, same data.
/// The browser tests seed their large organisation with it too (the file is linked into SalesSpec.E2E).
/// </summary>
public sealed class SyntheticOrganization(int reps, int weeks, int activitiesPerWeek, int seed = 42)
{
    public static readonly IsoWeek LastWeek = IsoWeek.Parse("2026-W47");

    public int Reps => reps;

    public int Weeks => weeks;

    public IsoWeek FirstWeek => LastWeek.AddWeeks(-(weeks - 1));

    public IReadOnlyList<ActivityDefinition> Activities { get; } = Templates.DefaultActivities;

    /// <summary>Rep i: email, name, team, role.</summary>
    public static (string Email, string Name, string Team, string Role) Rep(int i)
    {
        var role = (i % 20) switch
        {
            0 => Templates.NotAnalysedRoleName,
            1 or 2 or 3 => "Account Executive",
            4 => "Account Manager",
            5 => "Sales Development Rep",
            _ => "Full-Cycle Rep",
        };
        return ($"rep{i:D6}@synthetic.test", $"Rep {i:D6}", $"Team {i / 10:D4}", role);
    }

    /// <summary>
    /// Rep i takes week w off (holidays, sick leave, training): about one week in twelve, different weeks for
    /// different reps, so the analysis has missing timesheets to report as a real organisation's does.
    /// </summary>
    public static bool IsWeekOff(int rep, int week) => (uint)((rep + 1) * 2_654_435_761L ^ (week + 1) * 40_503L) % 12 == 0;

    /// <summary>Every time-log line: rep index, week, activity index, hours (quarter hours).</summary>
    public IEnumerable<(int Rep, IsoWeek Week, int Activity, decimal Hours)> Logs()
    {
        var random = new Random(seed);
        var picks = new int[activitiesPerWeek];
        for (var r = 0; r < reps; r++)
        {
            for (var w = 0; w < weeks; w++)
            {
                var week = FirstWeek.AddWeeks(w);
                if (IsWeekOff(r, w))
                {
                    continue;
                }
                var start = random.Next(Activities.Count);
                for (var a = 0; a < activitiesPerWeek; a++)
                {
                    picks[a] = (start + a * 7) % Activities.Count;
                }
                foreach (var activity in picks.Distinct())
                {
                    // At most 5 h a line, so that the doubled file used by the memory benchmark stays within 100 h a week.
                    yield return (r, week, activity, random.Next(2, 21) / 4m);
                }
            }
        }
    }

    public void WriteCsv(TextWriter output)
    {
        output.WriteLine("week,rep_email,rep_name,team,role,activity,hours");
        foreach (var (rep, week, activity, hours) in Logs())
        {
            var (email, name, team, role) = Rep(rep);
            output.Write(week.ToString());
            output.Write(',');
            output.Write(email);
            output.Write(',');
            output.Write(name);
            output.Write(',');
            output.Write(team);
            output.Write(',');
            output.Write(role);
            output.Write(',');
            output.Write(Activities[activity].Name);
            output.Write(',');
            output.WriteLine(hours.ToString(CultureInfo.InvariantCulture));
        }
    }
}
