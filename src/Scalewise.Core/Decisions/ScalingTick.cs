using Scalewise.Core.Forecasting;
using Scalewise.Core.Metrics;
using Scalewise.Core.Policies;
using Scalewise.Core.Pricing;

namespace Scalewise.Core.Decisions;

/// <summary>
/// One tick's decision for a target, in this order: the schedule window in force sets the bounds (fixed date over recurring
/// over the policy's own); an emergency (critical tier, growth, error spike) is checked first and answered at once, sized to
/// the projected demand, whatever the cooldown; otherwise <see cref="ScalingEngine.Decide"/> acts inside the window's bounds,
/// and the forecast capacity (when the policy scales on it) is combined with it as the larger. A move caused by a window's
/// bounds is <see cref="DecisionKind.Scheduled"/>, one caused by the forecast <see cref="DecisionKind.Predictive"/>, one by
/// an emergency <see cref="DecisionKind.Emergency"/>. Pure: time and forecast are parameters.
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

        if (!policy.IsVertical && EmergencyDetector.Detect(effective, windows, reactive, currentCapacity) is { } emergency)
        {
            return Emergency(policy, reactive, emergency, bounds, currentCapacity, window);
        }

        if (window is not null && !bounds.Contains(currentCapacity) && reactive.Outcome is DecisionOutcome.Scale or DecisionOutcome.Observed)
        {
            var below = currentCapacity < bounds.Minimum;
            var reason = DecisionText.Format($"{(below ? "Scale out" : "Scale in")} {currentCapacity} → {reactive.NewCapacity}: {ScheduleBounds.Describe(window)}, and capacity {currentCapacity} is {(below ? "below its minimum" : "above its maximum")}.");
            return Observed(policy, reactive with
            {
                Kind = DecisionKind.Scheduled,
                Outcome = DecisionOutcome.Scale,
                Reason = reason,
                Adjustments = [.. reactive.Adjustments, new DecisionAdjustment(AdjustmentKind.Schedule, ScheduleBounds.Describe(window))],
            });
        }

        if (policy.IsVertical || policy.Predictive is not { Mode: PredictiveMode.ForecastAndScale } settings
            || PredictiveRecommendation.For(effective, forecast, now) is not { } predicted)
        {
            return reactive;
        }

        var reactiveTarget = reactive.Outcome is DecisionOutcome.Scale or DecisionOutcome.Observed ? reactive.NewCapacity : currentCapacity;
        if (predicted.Capacity > reactiveTarget)
        {
            if (predicted.Capacity <= currentCapacity)
            {
                // The reactive rules would scale in below what the forecast needs: the forecast holds the floor.
                return Observed(policy, reactive with
                {
                    Outcome = DecisionOutcome.NoChange,
                    Direction = ScaleDirection.None,
                    NewCapacity = currentCapacity,
                    Reason = DecisionText.Format($"No change at {currentCapacity}: the rules would scale in to {reactiveTarget}, but {predicted.Reason}."),
                    Adjustments = [.. reactive.Adjustments, new DecisionAdjustment(AdjustmentKind.Forecast, predicted.Reason)],
                });
            }

            return Observed(policy, reactive with
            {
                Kind = DecisionKind.Predictive,
                Outcome = DecisionOutcome.Scale,
                Direction = ScaleDirection.Increase,
                NewCapacity = predicted.Capacity,
                RaisedMaximum = predicted.Capacity > bounds.Maximum ? predicted.EffectiveMaximum : null,
                Reason = DecisionText.Format($"Scale out {currentCapacity} → {predicted.Capacity} ahead of demand: {predicted.Reason} (the rules asked for {reactiveTarget})."),
                Adjustments = [.. reactive.Adjustments, new DecisionAdjustment(AdjustmentKind.Forecast, predicted.Reason)],
            });
        }

        var floor = Math.Max(predicted.Capacity, bounds.Minimum);
        if (settings.AllowScaleIn && reactive.Outcome == DecisionOutcome.NoChange && floor < currentCapacity)
        {
            return Observed(policy, reactive with
            {
                Kind = DecisionKind.Predictive,
                Outcome = DecisionOutcome.Scale,
                Direction = ScaleDirection.Decrease,
                NewCapacity = floor,
                Reason = DecisionText.Format($"Scale in {currentCapacity} → {floor} on the forecast (the policy allows it): {predicted.Reason}."),
                Adjustments = [.. reactive.Adjustments, new DecisionAdjustment(AdjustmentKind.Forecast, predicted.Reason)],
            });
        }

        return reactive;
    }

    private static ScalingDecision Emergency(ScalingPolicy policy, ScalingDecision reactive, EmergencySignal emergency, Policies.CapacityBounds bounds, int current, Scheduling.ActiveScheduleWindow? window)
    {
        var capacity = Math.Min(emergency.Capacity, bounds.Maximum);
        var where = window is null ? "the policy's maximum" : DecisionText.Format($"the maximum of window '{window.Name}'");
        var capped = capacity < emergency.Capacity ? DecisionText.Format($", capped at {where} ({bounds.Maximum})") : string.Empty;
        var note = new DecisionAdjustment(AdjustmentKind.Emergency, emergency.Reason);
        if (capacity <= current)
        {
            return reactive with
            {
                Kind = DecisionKind.Emergency,
                Outcome = DecisionOutcome.AtBound,
                Direction = ScaleDirection.None,
                NewCapacity = current,
                Reason = DecisionText.Format($"Emergency at {current}: {emergency.Reason}, but capacity is already at {where} ({bounds.Maximum})."),
                Adjustments = [.. reactive.Adjustments, note],
                Severity = DecisionSeverity.Critical,
            };
        }

        return Observed(policy, reactive with
        {
            Kind = DecisionKind.Emergency,
            Outcome = DecisionOutcome.Scale,
            Direction = ScaleDirection.Increase,
            NewCapacity = capacity,
            Reason = DecisionText.Format($"Emergency scale out {current} → {capacity} (cooldown bypassed): {emergency.Reason}; sized for that demand{capped}."),
            Adjustments = [.. reactive.Adjustments, note],
            Severity = DecisionSeverity.Critical,
        });
    }

    private static ScalingDecision Observed(ScalingPolicy policy, ScalingDecision decision) =>
        policy.Mode == PolicyMode.Observe && decision.Outcome == DecisionOutcome.Scale
            ? decision with { Outcome = DecisionOutcome.Observed, Reason = "Observe mode, not acted on: would " + char.ToLowerInvariant(decision.Reason[0]) + decision.Reason[1..] }
            : decision;
}
