namespace Scalewise.Core.Decisions;

/// <summary>What changed a decision after the rules had spoken.</summary>
public enum AdjustmentKind
{
    Bounds,
    Cooldown,
    Stabilization,
    Flapping,
    CostCap,
    WarmUp,
    DefaultCapacity,
    Fallback,
    Ladder,
    Schedule,
    Forecast,
    Emergency,
}
