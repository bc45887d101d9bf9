namespace Scalewise.Core.Decisions.Stages;

/// <summary>What a fired rule or a target tracking asks for, as Azure autoscale and AWS compute it.</summary>
internal static class RuleArithmetic
{
    private const double Epsilon = 1e-9;

    /// <summary>The unit a fired rule asks for from <paramref name="currentUnit"/>: its step, percent, exact count or change.</summary>
    public static int Desired(ScalingRule rule, double observed, int currentUnit)
    {
        var action = rule.Action;
        var sign = action.Direction == ScaleDirection.Decrease ? -1 : 1;
        double value;
        if (action.Steps is { Count: > 0 } steps)
        {
            if (FindStep(steps, rule.Trigger, observed) is not { } step)
            {
                return currentUnit;
            }

            value = step.Change;
        }
        else
        {
            value = action.Type switch
            {
                ScaleActionType.PercentChangeCount => action.Percent ?? 0,
                ScaleActionType.ExactCount => action.ExactCount ?? currentUnit,
                _ => action.ChangeCount,
            };
        }

        return action.Type switch
        {
            ScaleActionType.ExactCount => (int)value,
            ScaleActionType.PercentChangeCount => currentUnit + (sign * PercentMagnitude(currentUnit, value, action.MinAdjustmentMagnitude)),
            _ => currentUnit + (sign * (int)value),
        };
    }

    /// <summary>The step of <paramref name="steps"/> that <paramref name="observed"/> falls in, or null.</summary>
    public static StepAdjustment? FindStep(IReadOnlyList<StepAdjustment> steps, MetricTrigger trigger, double observed)
    {
        // AWS: above the threshold a step's lower bound is inclusive, below it the upper bound is.
        var offset = observed - trigger.Threshold;
        var above = trigger.Operator is not (ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual);
        for (var i = 0; i < steps.Count; i++)
        {
            var lower = steps[i].LowerBound ?? double.NegativeInfinity;
            var upper = steps[i].UpperBound ?? double.PositiveInfinity;
            if (above ? offset >= lower && offset < upper : offset > lower && offset <= upper)
            {
                return steps[i];
            }
        }

        return null;
    }

    /// <summary>The capacity a target tracking asks for: the counted instances scaled by observed / target, rounded up; the current one within tolerance.</summary>
    public static int Tracked(TargetTrackingRule rule, double observed, int counted, int current)
    {
        var ratio = observed / rule.TargetValue;
        if (Math.Abs(ratio - 1) <= rule.Tolerance + Epsilon)
        {
            return current;
        }

        var wanted = Math.Max(0, (int)Math.Ceiling((counted * ratio) - Epsilon));
        return wanted < current && rule.DisableScaleIn ? current : wanted;
    }

    /// <summary>AWS rounding: a percent change rounds toward zero, moves at least one instance and at least the minimum magnitude.</summary>
    private static int PercentMagnitude(int capacity, double percent, int minimumMagnitude) =>
        Math.Max(Math.Max(1, (int)Math.Floor((capacity * percent / 100) + Epsilon)), minimumMagnitude);
}
