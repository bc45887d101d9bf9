using Scalewise.Core.Forecasting;
using Scalewise.Core.Scheduling;
using static Scalewise.Core.Decisions.DecisionText;

namespace Scalewise.Core.Decisions.Stages;

/// <summary>
/// The tick's stages after the reactive decision, each a small function that notes what it would change (null when it
/// changes nothing): the emergency check, the schedule window's bounds, the forecast. <see cref="Render"/> writes the
/// noted change into the decision, its reason and its adjustments, last.
/// </summary>
internal static class TickStages
{
    /// <summary>An emergency (critical tier, growth, error spike) on a scale set, sized to the projected demand within the bounds in force.</summary>
    public static TickNote? Emergency(ScalingPolicy effective, IReadOnlyList<MetricWindow> windows, ScalingDecision reactive, CapacityBounds bounds, int current) =>
        !effective.IsVertical && EmergencyDetector.Detect(effective, windows, reactive, current) is { } emergency
            ? new TickNote.Emergency(emergency, Math.Min(emergency.Capacity, bounds.Maximum))
            : null;

    /// <summary>The window in force puts the current capacity outside its bounds, and the reactive decision brings it back.</summary>
    public static TickNote? Schedule(ActiveScheduleWindow? window, CapacityBounds bounds, ScalingDecision reactive, int current) =>
        window is not null && !bounds.Contains(current) && reactive.Outcome is DecisionOutcome.Scale or DecisionOutcome.Observed
            ? new TickNote.Schedule(window, current < bounds.Minimum)
            : null;

    /// <summary>The forecast capacity, when the policy scales on it, combined with the reactive decision as the larger.</summary>
    public static TickNote? Forecast(ScalingPolicy effective, DemandForecast? forecast, DateTimeOffset now, ScalingDecision reactive, CapacityBounds bounds, int current)
    {
        if (effective.IsVertical || effective.Predictive is not { Mode: PredictiveMode.ForecastAndScale } settings
            || PredictiveRecommendation.For(effective, forecast, now) is not { } predicted)
        {
            return null;
        }

        var reactiveTarget = reactive.Outcome is DecisionOutcome.Scale or DecisionOutcome.Observed ? reactive.NewCapacity : current;
        if (predicted.Capacity > reactiveTarget)
        {
            return predicted.Capacity <= current
                ? new TickNote.ForecastFloor(predicted, reactiveTarget)
                : new TickNote.ForecastAhead(predicted, reactiveTarget, predicted.Capacity > bounds.Maximum ? predicted.EffectiveMaximum : null);
        }

        var floor = Math.Max(predicted.Capacity, bounds.Minimum);
        return settings.AllowScaleIn && reactive.Outcome == DecisionOutcome.NoChange && floor < current
            ? new TickNote.ForecastIn(predicted, floor)
            : null;
    }

    /// <summary>The reactive decision with the noted change written in; in observe mode a change becomes an observed one.</summary>
    public static ScalingDecision Render(ScalingPolicy policy, ScalingDecision reactive, TickNote note, CapacityBounds bounds, ActiveScheduleWindow? window, int current)
    {
        var decision = note switch
        {
            TickNote.Emergency emergency => Emergency(reactive, emergency, bounds, window, current),
            TickNote.Schedule schedule => reactive with
            {
                Kind = DecisionKind.Scheduled,
                Outcome = DecisionOutcome.Scale,
                Reason = Format($"{(schedule.Below ? "Scale out" : "Scale in")} {current} → {reactive.NewCapacity}: {ScheduleBounds.Describe(schedule.Window)}, and capacity {current} is {(schedule.Below ? "below its minimum" : "above its maximum")}."),
                Adjustments = [.. reactive.Adjustments, new DecisionAdjustment(AdjustmentKind.Schedule, ScheduleBounds.Describe(schedule.Window))],
            },
            TickNote.ForecastFloor floor => reactive with
            {
                Outcome = DecisionOutcome.NoChange,
                Direction = ScaleDirection.None,
                NewCapacity = current,
                Reason = Format($"No change at {current}: the rules would scale in to {floor.ReactiveTarget}, but {floor.Predicted.Reason}."),
                Adjustments = [.. reactive.Adjustments, new DecisionAdjustment(AdjustmentKind.Forecast, floor.Predicted.Reason)],
            },
            TickNote.ForecastAhead ahead => reactive with
            {
                Kind = DecisionKind.Predictive,
                Outcome = DecisionOutcome.Scale,
                Direction = ScaleDirection.Increase,
                NewCapacity = ahead.Predicted.Capacity,
                RaisedMaximum = ahead.RaisedMaximum,
                Reason = Format($"Scale out {current} → {ahead.Predicted.Capacity} ahead of demand: {ahead.Predicted.Reason} (the rules asked for {ahead.ReactiveTarget})."),
                Adjustments = [.. reactive.Adjustments, new DecisionAdjustment(AdjustmentKind.Forecast, ahead.Predicted.Reason)],
            },
            TickNote.ForecastIn scaleIn => reactive with
            {
                Kind = DecisionKind.Predictive,
                Outcome = DecisionOutcome.Scale,
                Direction = ScaleDirection.Decrease,
                NewCapacity = scaleIn.Floor,
                Reason = Format($"Scale in {current} → {scaleIn.Floor} on the forecast (the policy allows it): {scaleIn.Predicted.Reason}."),
                Adjustments = [.. reactive.Adjustments, new DecisionAdjustment(AdjustmentKind.Forecast, scaleIn.Predicted.Reason)],
            },
            _ => throw new ArgumentOutOfRangeException(nameof(note), note, "a tick stage's note without words"),
        };

        return policy.Mode == PolicyMode.Observe && decision.Outcome == DecisionOutcome.Scale
            ? decision with { Outcome = DecisionOutcome.Observed, Reason = "Observe mode, not acted on: would " + char.ToLowerInvariant(decision.Reason[0]) + decision.Reason[1..] }
            : decision;
    }

    private static ScalingDecision Emergency(ScalingDecision reactive, TickNote.Emergency note, CapacityBounds bounds, ActiveScheduleWindow? window, int current)
    {
        var signal = note.Signal;
        var where = window is null ? "the policy's maximum" : Format($"the maximum of window '{window.Name}'");
        var adjustments = (IReadOnlyList<DecisionAdjustment>)[.. reactive.Adjustments, new DecisionAdjustment(AdjustmentKind.Emergency, signal.Reason)];
        if (note.Capacity <= current)
        {
            return reactive with
            {
                Kind = DecisionKind.Emergency,
                Outcome = DecisionOutcome.AtBound,
                Direction = ScaleDirection.None,
                NewCapacity = current,
                Reason = Format($"Emergency at {current}: {signal.Reason}, but capacity is already at {where} ({bounds.Maximum})."),
                Adjustments = adjustments,
                Severity = DecisionSeverity.Critical,
            };
        }

        var capped = note.Capacity < signal.Capacity ? Format($", capped at {where} ({bounds.Maximum})") : string.Empty;
        return reactive with
        {
            Kind = DecisionKind.Emergency,
            Outcome = DecisionOutcome.Scale,
            Direction = ScaleDirection.Increase,
            NewCapacity = note.Capacity,
            Reason = Format($"Emergency scale out {current} → {note.Capacity} (cooldown bypassed): {signal.Reason}; sized for that demand{capped}."),
            Adjustments = adjustments,
            Severity = DecisionSeverity.Critical,
        };
    }
}
