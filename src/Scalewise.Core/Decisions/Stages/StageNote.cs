namespace Scalewise.Core.Decisions.Stages;

/// <summary>
/// What one stage changed or held, as numbers: each becomes one <see cref="DecisionAdjustment"/> of its
/// <see cref="Kind"/>, and the reason is written from them at the end (see <see cref="DecisionRendering"/>). Units are
/// rungs of the ladder for a vertical policy, instance counts otherwise.
/// </summary>
internal abstract record StageNote(AdjustmentKind Kind)
{
    /// <summary>The capacity was outside the policy's bounds and is brought back to <see cref="Bound"/>.</summary>
    public sealed record BoundsRestored(bool Below, int Bound) : StageNote(AdjustmentKind.Bounds);

    /// <summary>The current SKU is not on the ladder, so no rule can step from it.</summary>
    public sealed record OffLadder() : StageNote(AdjustmentKind.Ladder);

    /// <summary>So many ticks in a row had no metrics that the policy's fallback capacity applies.</summary>
    public sealed record Fallback(int Failures, int Target) : StageNote(AdjustmentKind.Fallback);

    /// <summary>No metrics, and capacity below the policy's default: it goes to the default.</summary>
    public sealed record DefaultCapacity(int Default) : StageNote(AdjustmentKind.DefaultCapacity);

    /// <summary>The target is already at the bound (or the end of the ladder) in the direction asked.</summary>
    public sealed record AtBound(ScaleDirection Direction) : StageNote(AdjustmentKind.Bounds);

    /// <summary>The winning vote's cooldown since the last scaling that way still holds.</summary>
    public sealed record Cooldown(int Winner, ScaleDirection Direction, int Target, DateTimeOffset Last, TimeSpan Span) : StageNote(AdjustmentKind.Cooldown);

    /// <summary>The change asked for (to <see cref="Wanted"/>) is cut to the bound <see cref="Target"/>.</summary>
    public sealed record BoundCapped(ScaleDirection Direction, int Wanted, int Target) : StageNote(AdjustmentKind.Bounds);

    /// <summary>The policy has a cost cap, but no price is known for <see cref="Sku"/>, so it is not enforced.</summary>
    public sealed record CostUnpriced(decimal Cap, string? Sku) : StageNote(AdjustmentKind.CostCap);

    /// <summary>
    /// Scaling to <see cref="Target"/> would pass the cost cap; <see cref="Capped"/> is what it allows (the current unit or
    /// less: nothing). <see cref="Price"/> is the hourly price of one instance (of the target rung for a vertical policy);
    /// <see cref="Affordable"/> how many instances the cap pays for (scale sets).
    /// </summary>
    public sealed record CostCapped(decimal Cap, int Target, int Capped, decimal Price, int Affordable) : StageNote(AdjustmentKind.CostCap);

    /// <summary>Instances still warming up hold scale-in until they count.</summary>
    public sealed record WarmUp(int Warming) : StageNote(AdjustmentKind.WarmUp);

    /// <summary>
    /// Scale-in stabilization: the highest recommendation over <see cref="Window"/> was <see cref="Highest"/>, above the
    /// <see cref="Wanted"/> the rules asked for; it holds scale-in when it reaches the current capacity.
    /// </summary>
    public sealed record Stabilized(TimeSpan Window, int Highest, int Wanted) : StageNote(AdjustmentKind.Stabilization);

    /// <summary>
    /// Flapping protection: at <see cref="Wanted"/> the vote at <see cref="Index"/> would see an estimated
    /// <see cref="Estimate"/> and scale out again, so scale-in goes only to <see cref="Safe"/> (not at all when that is
    /// the current capacity).
    /// </summary>
    public sealed record Flapping(int Wanted, int Safe, int Index, double Estimate) : StageNote(AdjustmentKind.Flapping);
}
