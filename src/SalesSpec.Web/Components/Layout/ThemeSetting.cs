namespace SalesSpec.Web.Components.Layout;

/// <summary>
/// The theme as the request that started the page knew it, cascaded to the interactive layout: the person's choice
/// ("dark" or "light"; null follows the system) and whether the page starts dark, so its first render is already right.
/// </summary>
public sealed record ThemeSetting(string? Choice, bool Dark);
