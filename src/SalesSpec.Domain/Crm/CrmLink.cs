namespace SalesSpec.Domain.Crm;

/// <summary>
/// What a CRM activity is attached to. A record can be attached to several at once (a Salesforce
/// task has a WhoId and a WhatId), so the values combine.
/// </summary>
[Flags]
public enum CrmLink
{
    None = 0,
    Lead = 1,
    Contact = 2,
    Opportunity = 4,
    Account = 8,
    Case = 16,
}
