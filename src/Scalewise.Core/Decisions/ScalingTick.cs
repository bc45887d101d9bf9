using Scalewise.Core.Decisions.Stages;
using Scalewise.Core.Forecasting;
using Scalewise.Core.Pricing;

namespace Scalewise.Core.Decisions;

/// <summary>
/// One tick's decision for a target, in this order: the schedule window in force sets the bounds (fixed date over recurring
/// over the policy's own); an emergency (critical tier, growth, error spike) is checked first and answered at once, sized to
/// the projected demand, whatever the cooldown; otherwise <see cref="ScalingEngine.Decide"/> acts inside the window's bounds,
/// and the forecast capacity (when the policy scales on it) is combined with it as the larger. A move caused by a window's
/// bounds is <see cref="DecisionKind.Scheduled"/>, one caused by the forecast <see cref="DecisionKind.Predictive"/>, one by
/// an emergency <see cref="DecisionKind.Emergency"/>. Pure: time and forecast are parameters. Each of these is a stage of
/// <see cref="TickStages"/> that notes its change (<see cref="TickNote"/>), written into the decision last.
/// </summary>
public static class ScalingTick
{
    public static ScalingDecision Decide(
        ScalingPolicy policy,
        IReadOnlyList<MetricWindow> windows,
        TargetState state,
        int currentCapacity,
        DateTimeOffset now,
        DemandForecast? forecast = null,
        PriceTable? prices = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var window = ScheduleBounds.ActiveWindow(policy, now);
        var bounds = ScheduleBounds.For(policy, window);
        var effective = ScheduleBounds.Apply(policy, window);
        var reactive = ScalingEngine.Decide(effective, windows, state, currentCapacity, now, prices);
        var note = TickStages.Emergency(effective, windows, reactive, bounds, currentCapacity)
            ?? TickStages.Schedule(window, bounds, reactive, currentCapacity)
            ?? TickStages.Forecast(effective, forecast, now, reactive, bounds, currentCapacity);
        return note is null ? reactive : TickStages.Render(policy, reactive, note, bounds, window, currentCapacity);
    }
}
