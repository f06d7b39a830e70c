namespace SalesSpec.Web.Features.Imports.Services;

/// <summary>Staged hours of one function, in ten-thousandths, as the preview query returns them.</summary>
internal sealed class FunctionHoursRow
{
    public string Function { get; set; } = "";

    public long HoursE4 { get; set; }
}
