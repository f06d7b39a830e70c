using System.Text.Json.Serialization;

namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>One problem with an import: the file's line (1 is the header; 0 for the file as a whole), the column, and what to fix.</summary>
/// <param name="File">Which file, when an import takes several (a CRM export); absent otherwise.</param>
public sealed record ImportError(int Line, string Column, string Message, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File = null);
