namespace Scalewise.Backtest.Tuning;

/// <summary>
/// What <see cref="PolicyTuner"/> found on the tuning part of a trace: the tuned policy, the moves that led to it, the
/// violation budget it kept to, and the original and tuned figures on that part (the held-out part is measured apart).
/// </summary>
public sealed record TuningResult(
    ScalingPolicy Policy,
    IReadOnlyList<TuningStep> Steps,
    int ViolationBudget,
    long OriginalInstanceMinutes,
    int OriginalSloViolationMinutes,
    long TunedInstanceMinutes,
    int TunedSloViolationMinutes,
    int Replays);
