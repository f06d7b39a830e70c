using SalesSpec.Web.Features.Imports.Services;

namespace SalesSpec.Web.Features.Imports.Api;

/// <summary>The export endpoints' side of <see cref="ExportGate"/>: enter for the request's length, or answer 429.</summary>
internal static class ExportGateResults
{
    /// <summary>Null when the gate is held (released when the response ends, however it ends); else the 429 to return.</summary>
    public static async Task<IResult?> EnterAsync(ExportGate gate, int organizationId, HttpContext context, CancellationToken cancellationToken)
    {
        var held = await gate.TryEnterAsync(organizationId, cancellationToken);
        if (held is not null)
        {
            context.Response.RegisterForDisposeAsync(held);
            return null;
        }
        context.Response.Headers.RetryAfter = ExportGate.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "An export is already running",
            detail: $"Another export of this organisation's time logs is being written. Try again in {ExportGate.RetryAfterSeconds} seconds.");
    }
}
