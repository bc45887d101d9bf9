namespace Scalewise.Backtest.Frontiers;

/// <summary>One setting of a baseline's knob and what the replay cost with it: instance-minutes paid and SLO-violation minutes.</summary>
public sealed record FrontierPoint(double Value, long InstanceMinutes, int SloViolationMinutes);
