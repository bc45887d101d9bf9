namespace Scalewise.Backtest.Tuning;

/// <summary>A knob the tuner moved, from what to what, and the tuning part's figures after the move.</summary>
public sealed record TuningStep(string Knob, string From, string To, long InstanceMinutes, int SloViolationMinutes);
