namespace Scalewise.Backtest.Tuning;

/// <summary>
/// One setting of a policy the tuner may move (a rule's threshold, cooldown or step, the scale-in stabilization window):
/// its name as a person reads it, the value in the policy, and the policies with each other value it tries.
/// </summary>
public sealed record TuningKnob(string Name, string Current, IReadOnlyList<(string Value, ScalingPolicy Policy)> Candidates);
