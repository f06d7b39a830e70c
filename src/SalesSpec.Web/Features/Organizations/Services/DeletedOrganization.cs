namespace SalesSpec.Web.Features.Organizations.Services;

/// <summary>What a deletion removed, for the confirmation and the system audit log.</summary>
public sealed record DeletedOrganization(int Id, string Name, int Reps, int TimeLogRows, int Members);
