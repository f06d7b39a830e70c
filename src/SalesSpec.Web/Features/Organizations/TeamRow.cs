namespace SalesSpec.Web.Features.Organizations;

public sealed record TeamRow(int Id, string Name, int Reps, decimal Hours);
