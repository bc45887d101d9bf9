namespace Scalewise.Cli.Local;

/// <summary>One recorded decision of a run: when (simulated time), what kind, its outcome, the capacities and the reason.</summary>
public sealed record DecisionSummary(DateTimeOffset DecidedAt, string Kind, string Outcome, int From, int To, string Reason);
