namespace SalesSpec.Formats.CrmCsv;

/// <summary>What all the files of one import share while they are read: the users, the ids seen, the problems, and the owners counted for the report.</summary>
internal sealed class CrmReadState(CrmExportOptions options, CrmProblems problems, CrmUsers users)
{
    private const int MaxNotes = 200;
    private readonly List<CrmNote> _notes = [];

    public CrmExportOptions Options { get; } = options;

    public CrmProblems Problems { get; } = problems;

    public CrmUsers Users { get; } = users;

    /// <summary>Record ids per source: Salesforce ids are unique across tasks and events, HubSpot's within one kind of activity.</summary>
    public HashSet<(string Source, string Id)> Seen { get; } = [];

    public Dictionary<string, int> Unmatched { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, int> SystemUsers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, int> Inactive { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int Resolved { get; set; }

    public IReadOnlyList<CrmNote> Notes => _notes;

    public void Note(string file, int line, string text)
    {
        if (_notes.Count < MaxNotes)
        {
            _notes.Add(new CrmNote(file, line, text));
        }
    }

    public static IReadOnlyList<CrmOwnerCount> Ranked(Dictionary<string, int> owners) =>
        owners.OrderByDescending(o => o.Value).ThenBy(o => o.Key, StringComparer.OrdinalIgnoreCase).Select(o => new CrmOwnerCount(o.Key, o.Value)).ToList();
}
