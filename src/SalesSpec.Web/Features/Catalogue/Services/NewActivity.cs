namespace SalesSpec.Web.Features.Catalogue.Services;

/// <summary>An activity to add to the catalogue: it goes last, counting for one function.</summary>
public sealed class NewActivity
{
    public string Name { get; set; } = "";

    public SalesFunction Function { get; set; } = SalesFunction.Closing;
}
