namespace SalesSpec.Web.Features.CrmImports.Services;

/// <summary>
/// What a consultant said once about an owner of an organisation's CRM records, remembered for its next imports: the
/// rep they are (<see cref="Email"/>), and whether they are a person at all (<see cref="IsPerson"/>).
/// </summary>
public sealed class CrmOwnerChoice
{
    public const int MaxOwnerLength = 200;

    public int Id { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>The owner as the files write them (a name, an id, an email); matched ignoring case.</summary>
    public string Owner { get; set; } = "";

    /// <summary>The rep's email, or null when only <see cref="IsPerson"/> was said.</summary>
    public string? Email { get; set; }

    /// <summary>true: a person whatever the files suggest; false: an integration or system user; null: not said.</summary>
    public bool? IsPerson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
