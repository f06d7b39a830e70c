namespace SalesSpec.Web.Features.Analysis.Summaries;

/// <summary>
/// A number every change to what an organisation's analysis reads raises, in the transaction of the change:
/// cached results are keyed by it, so a result computed before a change is never found after it.
/// </summary>
public sealed class DataVersion
{
    public int OrganizationId { get; set; }

    public long Value { get; set; }
}
