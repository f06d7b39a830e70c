namespace SalesSpec.Domain.Crm;

/// <summary>What kind of CRM record an activity is, whatever the CRM calls it (formats.md §2).</summary>
public enum CrmActivityType
{
    Call,
    Email,
    Meeting,
    Task,
}
