using Scalewise.Core.Scheduling;

namespace Scalewise.Core.Decisions.Stages;

/// <summary>
/// What one of the tick's stages (after the reactive decision) changed, as facts: rendered last, by
/// <see cref="TickStages.Render"/>, into the decision's kind, outcome, capacity, reason and one more adjustment.
/// </summary>
internal abstract record TickNote
{
    /// <summary>An emergency answered at once, sized to <see cref="Capacity"/> (the signal's, within the bounds in force).</summary>
    public sealed record Emergency(EmergencySignal Signal, int Capacity) : TickNote;

    /// <summary>The schedule window in force has bounds the current capacity is outside of (below its minimum, or above its maximum).</summary>
    public sealed record Schedule(ActiveScheduleWindow Window, bool Below) : TickNote;

    /// <summary>The rules would scale in below what the forecast needs: the forecast holds the capacity.</summary>
    public sealed record ForecastFloor(PredictiveRecommendation Predicted, int ReactiveTarget) : TickNote;

    /// <summary>The forecast needs more than the rules ask for: scale out ahead of demand.</summary>
    public sealed record ForecastAhead(PredictiveRecommendation Predicted, int ReactiveTarget, int? RaisedMaximum) : TickNote;

    /// <summary>The forecast needs less, nothing else moves, and the policy allows scaling in on it: down to <see cref="Floor"/>.</summary>
    public sealed record ForecastIn(PredictiveRecommendation Predicted, int Floor) : TickNote;
}
