namespace SalesSpec.Web.Features.LeadCounts;

/// <summary>What a save or an import did; nothing was written when <see cref="Problems"/> has any entry.</summary>
public sealed record LeadCountSaveResult(int Saved, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
