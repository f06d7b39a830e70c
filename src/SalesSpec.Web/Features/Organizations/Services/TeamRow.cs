namespace SalesSpec.Web.Features.Organizations.Services;

public sealed record TeamRow(int Id, string Name, int Reps, decimal Hours);
