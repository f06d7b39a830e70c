using System.Globalization;
using CsvHelper;
using SalesSpec.Domain.Common;
using SalesSpec.Domain.Organizations;
using SalesSpec.Domain.TimeLogs;
using SalesSpec.Formats.Csv;
using SalesSpec.Formats.Spreadsheets;

namespace SalesSpec.Formats.TimeLogCsv;

/// <summary>
/// Reads the time-log CSV of formats.md §1, strictly, in one pass: good lines go to a callback as
/// they are read (memory stays per rep and week, not per line), and every bad line is reported
/// with its line number, column and reason — not only the first.
/// </summary>
public static class TimeLogCsvReader
{
    public const string Week = "week";
    public const string RepEmail = "rep_email";
    public const string RepName = "rep_name";
    public const string Team = "team";
    public const string Role = "role";
    public const string Activity = "activity";
    public const string Function = "function";
    public const string Hours = "hours";

    public static IReadOnlyList<string> Columns { get; } = [Week, RepEmail, RepName, Team, Role, Activity, Function, Hours];

    public static TimeLogCsvReport Read(TextReader text, TimeLogCsvOptions options, Action<TimeLogCsvRow> onRow)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onRow);
        var state = new ReadState(options);
        var malformed = new HashSet<long>();
        using var csv = StrictCsv.Open(text, malformed);

        if (!csv.Read())
        {
            state.Problem(1, "", $"The file is empty; it needs a header row with {Week}, {RepEmail}, {Activity} or {Function}, and {Hours}.");
            return state.Report(0);
        }
        var header = StrictCsv.Fields(csv);
        var columns = state.ReadHeader(header);
        if (columns is null)
        {
            return state.Report(0);
        }

        var dataLines = 0;
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            dataLines++;
            if (malformed.Remove(line))
            {
                state.Problem(line, "", StrictCsv.BrokenQuoting);
                continue;
            }
            if (csv.FieldCount != header.Length)
            {
                state.Problem(line, "", $"The line has {csv.FieldCount} values; the header has {header.Length}.");
                continue;
            }
            if (state.ReadLine(line, StrictCsv.Fields(csv), columns) is { } row)
            {
                onRow(row);
            }
        }
        return state.Report(dataLines);
    }

    private sealed class ReadState(TimeLogCsvOptions options)
    {
        private readonly List<CsvProblem> _problems = [];
        private int _problemsNotKept;

        /// <summary>Every problem so far, kept or only counted: what tells whether a line went wrong.</summary>
        private int Found => _problems.Count + _problemsNotKept;
        private readonly Dictionary<string, string> _activityByKey = options.Activities.Keys
            .GroupBy(TimeLogCsvOptions.ActivityKey).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        private readonly List<string> _ignored = [];
        private readonly Dictionary<string, CsvRep> _reps = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Email, IsoWeek Week), WeekTotal> _weeks = [];

        public void Problem(int line, string column, string reason)
        {
            // A file that is wrong on every one of a million lines needs fixing once, not a million-line report.
            if (_problems.Count >= options.MaxProblems)
            {
                _problemsNotKept++;
                return;
            }
            _problems.Add(new CsvProblem(line, column, reason));
        }

        public Dictionary<string, int>? ReadHeader(string[] header)
        {
            if (StrictCsv.IsSemicolonSeparated(header))
            {
                // Spreadsheets in many locales save "CSV" with semicolons; say so instead of listing missing columns.
                Problem(1, "", "The file is separated by semicolons (;); SalesSpec reads comma-separated CSV. Save it as \"CSV (comma delimited)\", or replace the semicolons with commas.");
                return null;
            }
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                var name = StrictCsv.HeaderName(header[i]).ToLowerInvariant();
                if (!Columns.Contains(name))
                {
                    _ignored.Add(Echo.Cut(header[i]));
                }
                else if (!columns.TryAdd(name, i))
                {
                    Problem(1, name, $"The column '{Echo.Cut(name)}' appears twice in the header.");
                }
            }
            foreach (var required in new[] { Week, RepEmail, Hours })
            {
                if (!columns.ContainsKey(required))
                {
                    Problem(1, required, $"The header has no '{required}' column (found: {Echo.Cut(string.Join(", ", header))}).");
                }
            }
            if (!columns.ContainsKey(Activity) && !columns.ContainsKey(Function))
            {
                Problem(1, Activity, $"The header needs an '{Activity}' or a '{Function}' column (found: {Echo.Cut(string.Join(", ", header))}).");
            }
            return Found == 0 ? columns : null;
        }

        public TimeLogCsvRow? ReadLine(int line, string[] record, Dictionary<string, int> columns)
        {
            // An exported cell neutralised against formula injection reads back as it was.
            string? Cell(string column) =>
                columns.TryGetValue(column, out var index) && SpreadsheetText.Restore(record[index]).Trim() is { Length: > 0 } value ? value : null;

            var before = Found;
            var weekText = Cell(Week);
            IsoWeek week = default;
            if (weekText is null)
            {
                Problem(line, Week, "The week is missing.");
            }
            else if (!IsoWeek.TryParse(weekText, out week))
            {
                Problem(line, Week, $"'{Echo.Cut(weekText)}' is not an ISO week (like 2026-W47) or a date (YYYY-MM-DD).");
            }

            var emailText = Cell(RepEmail);
            var email = "";
            if (emailText is null)
            {
                Problem(line, RepEmail, "The rep's email is missing.");
            }
            else if (!EmailAddress.TryNormalize(emailText, out email))
            {
                Problem(line, RepEmail, $"'{Echo.Cut(emailText)}' is not a valid email address.");
            }

            var hours = ParseHours(line, Cell(Hours));
            var (activity, function) = ResolveActivity(line, Cell(Activity), Cell(Function));

            // Names become reps and teams: a control character (NUL, a line break) has no place in one.
            foreach (var column in new[] { RepName, Team, Role })
            {
                if (Cell(column) is { } text && text.Any(char.IsControl))
                {
                    Problem(line, column, $"The {column} has control characters (such as NUL or a line break); remove them.");
                }
            }

            var role = Cell(Role);
            if (role is not null && options.KnownRoles is { } known && !known.Contains(role, StringComparer.OrdinalIgnoreCase))
            {
                Problem(line, Role, $"Unknown role '{Echo.Cut(role)}'. Known roles: {string.Join(", ", known)}.");
            }
            if (Found > before)
            {
                return null;
            }

            if (!RememberRep(line, email, Cell(RepName), Cell(Team), role))
            {
                return null;
            }
            AddToWeek(line, email, week, hours!.Value);
            return new TimeLogCsvRow(line, week, email, activity!, function!.Value, hours.Value);
        }

        private decimal? ParseHours(int line, string? text)
        {
            if (text is null)
            {
                Problem(line, Hours, "The hours are missing.");
                return null;
            }
            var negative = text.StartsWith('-');
            var digits = negative ? text[1..] : text;
            var wellFormed = digits.Length > 0 && digits.All(c => char.IsAsciiDigit(c) || c == '.') && digits.Count(c => c == '.') <= 1
                             && digits != ".";
            if (!wellFormed || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                Problem(line, Hours, $"'{Echo.Cut(text)}' is not a number of hours (write it like 7.5, with a dot).");
                return null;
            }
            if (negative && value != 0)
            {
                Problem(line, Hours, $"Hours cannot be negative; got {Echo.Cut(text)}.");
                return null;
            }
            if (value > TimeLog.MaxHoursPerWeek)
            {
                Problem(line, Hours, $"{Echo.Cut(text)} hours on one line is more than a week holds (at most {TimeLog.MaxHoursPerWeek}).");
                return null;
            }
            if (options.MaxDecimals is int decimals && decimal.Round(value, decimals) != value)
            {
                Problem(line, Hours, $"'{Echo.Cut(text)}' has more than {decimals} decimals.");
                return null;
            }
            return value;
        }

        private (string? Activity, SalesFunction? Function) ResolveActivity(int line, string? activityText, string? functionText)
        {
            SalesFunction? function = null;
            if (functionText is not null)
            {
                function = ParseFunction(functionText);
                if (function is null)
                {
                    Problem(line, Function, $"Unknown function '{Echo.Cut(functionText)}'. Use one of {string.Join(", ", Enum.GetValues<SalesFunction>())}.");
                    return (null, null);
                }
            }
            if (activityText is null)
            {
                if (function is null)
                {
                    Problem(line, Activity, "Either an activity or a function is needed.");
                    return (null, null);
                }
                return (Templates.CatchAllName(function.Value), function);
            }
            if (!_activityByKey.TryGetValue(TimeLogCsvOptions.ActivityKey(activityText), out var match))
            {
                Problem(line, Activity, $"Unknown activity '{Echo.Cut(activityText)}'. Known activities: {string.Join(", ", options.Activities.Keys)}.");
                return (null, null);
            }
            var activityFunction = options.Activities[match];
            if (function is not null && function != activityFunction)
            {
                Problem(line, Function, $"Activity '{match}' belongs to {activityFunction}, not {function}.");
                return (null, null);
            }
            return (match, activityFunction);
        }

        private bool RememberRep(int line, string email, string? name, string? team, string? role)
        {
            if (!_reps.TryGetValue(email, out var rep))
            {
                _reps[email] = new CsvRep(email, name, team, role, line);
                return true;
            }
            var before = Found;
            Agree(line, RepName, email, rep.Name, name, "name");
            Agree(line, Team, email, rep.Team, team, "team");
            Agree(line, Role, email, rep.Role, role, "role");
            if (Found > before)
            {
                return false;
            }
            _reps[email] = rep with { Name = rep.Name ?? name, Team = rep.Team ?? team, Role = rep.Role ?? role };
            return true;
        }

        private void Agree(int line, string column, string email, string? known, string? value, string what)
        {
            if (known is not null && value is not null && !string.Equals(known, value, StringComparison.OrdinalIgnoreCase))
            {
                Problem(line, column, $"Rep {email} has {what} '{Echo.Cut(value)}' here but '{Echo.Cut(known)}' on an earlier line; a rep has one {what} in a file.");
            }
        }

        private void AddToWeek(int line, string email, IsoWeek week, decimal hours)
        {
            var key = (email, week);
            var total = _weeks.GetValueOrDefault(key) ?? new WeekTotal();
            var wasWithinLimit = total.Hours <= TimeLog.MaxHoursPerWeek;
            total.Hours += hours;
            if (wasWithinLimit && total.Hours > TimeLog.MaxHoursPerWeek)
            {
                var kept = _problems.Count;
                Problem(line, Hours, "");
                total.ProblemIndex = _problems.Count > kept ? kept : null;
            }
            _weeks[key] = total;
        }

        public TimeLogCsvReport Report(int dataLines)
        {
            foreach (var ((email, week), total) in _weeks)
            {
                if (total.ProblemIndex is int index)
                {
                    _problems[index] = _problems[index] with
                    {
                        Reason = $"Rep {email}'s week {week} adds up to {total.Hours.ToString(CultureInfo.InvariantCulture)} hours from this line on; a week has at most {TimeLog.MaxHoursPerWeek} hours.",
                    };
                }
            }
            if (options.RoleRequired)
            {
                foreach (var rep in _reps.Values.Where(r => r.Role is null))
                {
                    Problem(rep.FirstLine, Role, $"Rep {rep.Email} has no role on any line; a role is needed to create the rep.");
                }
            }
            var problems = _problems.Select((p, i) => (p, i)).OrderBy(x => x.p.Line).ThenBy(x => x.i).Select(x => x.p).ToList();
            return new TimeLogCsvReport(dataLines, problems, _ignored, _reps) { ProblemCount = problems.Count + _problemsNotKept };
        }

        private static SalesFunction? ParseFunction(string text)
        {
            var key = new string(text.Where(c => c is not ('-' or '_' or ' ')).ToArray());
            return Enum.GetValues<SalesFunction>().Cast<SalesFunction?>()
                .FirstOrDefault(f => string.Equals(f.ToString(), key, StringComparison.OrdinalIgnoreCase));
        }
    }

    private sealed class WeekTotal
    {
        public decimal Hours { get; set; }

        public int? ProblemIndex { get; set; }
    }
}
