namespace SalesSpec.Domain.Scenarios;

/// <summary>People to add: <paramref name="Count"/> in <paramref name="Role"/>, grown inside the company or hired outside, starting in month <paramref name="StartMonth"/> (0 = the plan's first month).</summary>
public sealed record ScenarioHire(string Role, int Count, bool Internal, int StartMonth);
