namespace SalesSpec.Formats.CrmCsv;

/// <summary>The id column of a users file under the names Salesforce and HubSpot give it.</summary>
internal static class UserColumns
{
    public static readonly string[] Id = ["Id", "User ID", "Owner ID", "hubspot_owner_id"];
}
