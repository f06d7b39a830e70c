namespace SalesSpec.Web.Features.Roles.Services;

/// <summary>
/// A role's version over the API. Roles have no version column: their cost and ramp are the concurrency tokens,
/// so the version is those two values as read ("150000:5", "-:3" without a cost), and a change is applied only
/// where the row still holds them.
/// </summary>
public static class RoleVersion
{
    public static string Of(decimal? cost, int ramp) =>
        string.Create(CultureInfo.InvariantCulture, $"{(cost is { } c ? c.ToString("0.############", CultureInfo.InvariantCulture) : "-")}:{ramp}");

    public static bool TryParse(string? version, out decimal? cost, out int ramp)
    {
        cost = null;
        ramp = 0;
        var parts = version?.Split(':') ?? [];
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out ramp))
        {
            return false;
        }
        if (parts[0] == "-")
        {
            return true;
        }
        if (!decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        cost = value;
        return true;
    }
}
