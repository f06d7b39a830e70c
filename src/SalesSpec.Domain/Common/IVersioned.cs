namespace SalesSpec.Domain.Common;

/// <summary>
/// An entity that people edit in forms and over the API: its version is raised on every saved change, and a
/// save based on an older version is refused rather than overwriting the newer one.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
