namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>One good line of an import file, shown in the preview.</summary>
public sealed record ImportSampleRow(int Line, string Week, string Email, string Activity, SalesFunction Function, decimal Hours);
