namespace Scalewise.Orchestrations.Api;

/// <summary>A target's last recorded decision, as the target list shows it (the full record is in its history).</summary>
public sealed record TargetDecisionSummary(DateTimeOffset DecidedAt, DecisionKind Kind, DecisionOutcome Outcome, int CurrentCapacity, int NewCapacity, string? NewSku, string Reason);
