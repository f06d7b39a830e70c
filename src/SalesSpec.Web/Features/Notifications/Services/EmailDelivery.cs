namespace SalesSpec.Web.Features.Notifications.Services;

/// <summary>What became of one message of a batch: sent, or the failure that kept it from the server.</summary>
public sealed record EmailDelivery(OutgoingEmail Email, Exception? Failure)
{
    public bool Sent => Failure is null;

    public string? Error => Failure?.Message;
}
