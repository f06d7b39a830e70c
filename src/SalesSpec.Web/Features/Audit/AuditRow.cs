namespace SalesSpec.Web.Features.Audit;

public sealed record AuditRow(DateTimeOffset At, string User, string Action, string EntityType, string EntityId, string Summary);
