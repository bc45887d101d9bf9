using Scalewise.Core.Procedures;
using Scalewise.Core.Reports;

namespace Scalewise.Core.Ports;

/// <summary>
/// What a finished procedure tells the people who subscribed. With <see cref="Report"/> set it is the post-event capacity
/// report of an emergency, sent after the procedure's own notification.
/// </summary>
public sealed record ProcedureNotification(ProcedureRecord Procedure, string? PortalLink)
{
    public CapacityReport? Report { get; init; }
}
