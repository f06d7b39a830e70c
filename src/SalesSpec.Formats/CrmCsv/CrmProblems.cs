namespace SalesSpec.Formats.CrmCsv;

/// <summary>Every problem is counted; the first few hundred are kept for the report.</summary>
internal sealed class CrmProblems(int max)
{
    private readonly List<CrmProblem> _list = [];

    public int Count { get; private set; }

    public IReadOnlyList<CrmProblem> List => _list;

    public void Add(string file, int line, string column, string reason)
    {
        Count++;
        if (_list.Count < max)
        {
            _list.Add(new CrmProblem(file, line, column, reason));
        }
    }
}
