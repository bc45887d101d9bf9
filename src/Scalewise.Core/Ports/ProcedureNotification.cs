using Scalewise.Core.Procedures;

namespace Scalewise.Core.Ports;

/// <summary>What a finished procedure tells the people who subscribed.</summary>
public sealed record ProcedureNotification(ProcedureRecord Procedure, string? PortalLink);
