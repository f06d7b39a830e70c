namespace SalesSpec.Web.Features.Scenarios.Services;

/// <summary>A line of new people as typed on the board; <see cref="StartMonth"/> counts from 1, as people say it.</summary>
public sealed class HireForm
{
    public string Role { get; set; } = "";

    public int Count { get; set; } = 1;

    public bool Internal { get; set; }

    public int StartMonth { get; set; } = 1;
}
