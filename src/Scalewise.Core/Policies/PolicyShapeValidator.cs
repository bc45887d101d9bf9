using Scalewise.Core.Pricing;
using static Scalewise.Core.Policies.PolicyValidator;

namespace Scalewise.Core.Policies;

/// <summary>
/// The checks for what policies say beyond threshold rules: dimensions, percentiles, tiers, action types, steps, target
/// tracking, ladders, stabilization, fallback and the cost cap. Paths and wording follow <see cref="PolicyValidator"/>.
/// </summary>
internal static class PolicyShapeValidator
{
    public const int MaximumDescriptionLength = 2000;

    public static readonly TimeSpan MaximumStabilization = TimeSpan.FromHours(1);

    public const int MaximumFallbackFailures = 1440;

    public static void Validate(ScalingPolicy policy, List<PolicyError> errors)
    {
        if (policy.Description is { Length: > MaximumDescriptionLength } description)
        {
            errors.Add(new("$.description", Format($"description has {description.Length} characters; use at most {MaximumDescriptionLength}.")));
        }

        ValidateLadder(policy, errors);
        ValidateTracking(policy, errors);

        if (policy.ScaleInStabilization is { } window && (window < TimeSpan.Zero || window > MaximumStabilization))
        {
            errors.Add(new("$.scaleInStabilization", $"scale-in stabilization {Iso(window)} is out of range; use a duration from PT0S to {Iso(MaximumStabilization)}, such as \"PT5M\" (the Kubernetes default)."));
        }

        if (policy.Fallback is { } fallback)
        {
            if (fallback.AfterFailures < 1 || fallback.AfterFailures > MaximumFallbackFailures)
            {
                errors.Add(new("$.fallback.afterFailures", Format($"after failures {fallback.AfterFailures} is out of range; use 1 to {MaximumFallbackFailures} consecutive ticks without metrics.")));
            }

            if (policy.Capacity is { } bounds && !bounds.Contains(fallback.Capacity))
            {
                errors.Add(new("$.fallback.capacity", Format($"fallback capacity {fallback.Capacity} is outside the bounds; use a value from the minimum {bounds.Minimum} to the maximum {bounds.Maximum}.")));
            }
        }

        if (policy.MaxHourlyCost is { } cost && cost <= 0)
        {
            errors.Add(new("$.maxHourlyCost", Format($"max hourly cost {cost} does not allow any capacity; use a positive amount per hour, such as 12.5, or leave it out for no cap.")));
        }
    }

    public static void ValidateMetricExtras(MetricTrigger trigger, string path, List<PolicyError> errors)
    {
        if (trigger.Percentile is { } percentile && (!double.IsFinite(percentile) || percentile <= 0 || percentile > 100))
        {
            errors.Add(new(path + ".percentile", Format($"percentile {percentile} is out of range; use a number above 0 and at most 100, such as 95 for p95.")));
        }

        if (trigger.Dimensions is not { } dimensions)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < dimensions.Count; i++)
        {
            var at = Format($"{path}.dimensions[{i}]");
            var dimension = dimensions[i];
            if (dimension is null)
            {
                errors.Add(new(at, "a dimension filter is required here: an object with \"dimensionName\", \"operator\" and \"values\"."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(dimension.DimensionName))
            {
                errors.Add(new(at + ".dimensionName", "dimension name is required; use the metric's dimension, such as \"EntityName\" or \"ShardId\"."));
            }
            else if (!seen.Add(dimension.DimensionName))
            {
                errors.Add(new(at + ".dimensionName", $"dimension '{dimension.DimensionName}' is filtered by an earlier entry; put all its values in one filter."));
            }

            if (!Enum.IsDefined(dimension.Operator))
            {
                errors.Add(new(at + ".operator", $"operator '{dimension.Operator}' is unknown; use {Names<DimensionOperator>()}."));
            }

            if (dimension.Values is not { Count: > 0 } values || values.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add(new(at + ".values", "values must list at least one non-empty dimension value, such as [\"orders\"] (\"*\" matches every value)."));
            }
        }
    }

    public static void ValidateRule(ScalingRule rule, ScalingPolicy policy, string path, List<PolicyError> errors)
    {
        ValidateTiers(rule.Trigger, path + ".trigger", errors);

        var action = rule.Action;
        var at = path + ".action";
        if (!Enum.IsDefined(action.Type))
        {
            errors.Add(new(at + ".type", $"type '{action.Type}' is unknown; use {Names<ScaleActionType>()}."));
            return;
        }

        var hasSteps = action.Steps is not null;
        switch (action.Type)
        {
            case ScaleActionType.PercentChangeCount:
                if (!hasSteps && (action.Percent is not { } percent || !double.IsFinite(percent) || percent <= 0 || (action.Direction == ScaleDirection.Decrease && percent > 100) || percent > 1000))
                {
                    var most = action.Direction == ScaleDirection.Decrease ? 100 : 1000;
                    errors.Add(new(at + ".percent", Format($"percent {(action.Percent is { } p ? p : "is missing and")} does not give a change; use a number above 0 and at most {most}, such as 20.")));
                }

                break;
            case ScaleActionType.ExactCount:
                if (!hasSteps && (action.ExactCount is not { } exact || (policy.Capacity is { } bounds && !bounds.Contains(exact))))
                {
                    var allowed = policy.Capacity is { } b ? Format($"from the minimum {b.Minimum} to the maximum {b.Maximum}") : "within the capacity bounds";
                    errors.Add(new(at + ".exactCount", Format($"exact count {(action.ExactCount is { } e ? e : "is missing and")} is not a capacity the policy allows; use a value {allowed}.")));
                }

                break;
            case ScaleActionType.SkuStep:
                if (policy.Target is { Kind: TargetKind.VirtualMachineScaleSet })
                {
                    errors.Add(new(at + ".type", "SkuStep resizes a single resource; use it with a VirtualMachine, RedisCache or RedisEnterprise target, and ChangeCount, PercentChangeCount or ExactCount for a scale set."));
                }

                break;
            default:
                break;
        }

        if (action.Type != ScaleActionType.PercentChangeCount && action.Percent is not null)
        {
            errors.Add(new(at + ".percent", $"percent is only read by \"PercentChangeCount\" actions; remove it or set \"type\": \"PercentChangeCount\"."));
        }

        if (action.Type != ScaleActionType.ExactCount && action.ExactCount is not null)
        {
            errors.Add(new(at + ".exactCount", $"exact count is only read by \"ExactCount\" actions; remove it or set \"type\": \"ExactCount\"."));
        }

        if (action.Type is ScaleActionType.PercentChangeCount or ScaleActionType.ExactCount && action.ChangeCount != 0)
        {
            errors.Add(new(at + ".changeCount", $"change count is not read by \"{action.Type}\" actions; use \"{(action.Type == ScaleActionType.ExactCount ? "exactCount" : "percent")}\" instead."));
        }

        if (action.MinAdjustmentMagnitude < 0 || (action.MinAdjustmentMagnitude > 0 && action.Type != ScaleActionType.PercentChangeCount))
        {
            errors.Add(new(at + ".minAdjustmentMagnitude", Format($"minimum adjustment magnitude {action.MinAdjustmentMagnitude} is not allowed here; use 0 or more instances, and only with \"PercentChangeCount\" actions.")));
        }

        if (action.Steps is { } steps)
        {
            ValidateSteps(steps, rule.Trigger, at + ".steps", errors);
        }

        if (action.Type == ScaleActionType.SkuStep != policy.IsVertical)
        {
            var first = policy.Rules.First(r => r?.Action?.Type == ScaleActionType.SkuStep);
            errors.Add(new(at + ".type", $"rule '{first.Name}' steps the SKU ladder, so this policy is vertical and every rule must use \"SkuStep\"; put changes of instance count in a separate policy."));
        }
    }

    private static void ValidateTiers(MetricTrigger trigger, string path, List<PolicyError> errors)
    {
        if (trigger.WarningThreshold is null && trigger.CriticalThreshold is null)
        {
            return;
        }

        if (trigger.Operator is ComparisonOperator.Equals or ComparisonOperator.NotEquals)
        {
            errors.Add(new(path + ".operator", $"warning and critical thresholds need a direction; use \"GreaterThan\", \"GreaterThanOrEqual\", \"LessThan\" or \"LessThanOrEqual\" with them."));
            return;
        }

        var above = trigger.Operator is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual;
        var (before, after) = above ? ("at most", "at least") : ("at least", "at most");
        if (trigger.WarningThreshold is { } warning && (!double.IsFinite(warning) || (above ? warning > trigger.Threshold : warning < trigger.Threshold)))
        {
            errors.Add(new(path + ".warningThreshold", Format($"warning threshold {warning} comes after the trigger threshold {trigger.Threshold}; a warning comes first, so use a number {before} {trigger.Threshold}.")));
        }

        if (trigger.CriticalThreshold is { } critical && (!double.IsFinite(critical) || (above ? critical < trigger.Threshold : critical > trigger.Threshold)))
        {
            errors.Add(new(path + ".criticalThreshold", Format($"critical threshold {critical} comes before the trigger threshold {trigger.Threshold}; critical is the last tier, so use a number {after} {trigger.Threshold}.")));
        }
    }

    /// <summary>AWS's rules for step adjustments: intervals relative to the threshold that cover every breach, without gaps or overlaps.</summary>
    private static void ValidateSteps(IReadOnlyList<StepAdjustment?> steps, MetricTrigger trigger, string path, List<PolicyError> errors)
    {
        if (steps.Count == 0)
        {
            errors.Add(new(path, "steps is empty; give at least one step, such as [{ \"lowerBound\": 0, \"change\": 1 }], or leave steps out."));
            return;
        }

        if (trigger.Operator is ComparisonOperator.Equals or ComparisonOperator.NotEquals)
        {
            errors.Add(new(path, "steps are measured from the threshold, so the trigger needs a direction; use \"GreaterThan\", \"GreaterThanOrEqual\", \"LessThan\" or \"LessThanOrEqual\"."));
            return;
        }

        var valid = new List<(int Index, double Lower, double Upper)>();
        for (var i = 0; i < steps.Count; i++)
        {
            var at = Format($"{path}[{i}]");
            if (steps[i] is not { } step)
            {
                errors.Add(new(at, "a step is required here: an object with \"lowerBound\", \"upperBound\" and \"change\"."));
                continue;
            }

            if (step.Change < 1)
            {
                errors.Add(new(at + ".change", Format($"change {step.Change} does not move capacity; use 1 or more (the rule's direction gives the sign).")));
            }

            var lower = step.LowerBound ?? double.NegativeInfinity;
            var upper = step.UpperBound ?? double.PositiveInfinity;
            if (double.IsNaN(lower) || double.IsNaN(upper) || lower >= upper)
            {
                errors.Add(new(at, Format($"the step from {Bound(step.LowerBound)} to {Bound(step.UpperBound)} is empty; the lower bound must be below the upper bound.")));
                continue;
            }

            valid.Add((i, lower, upper));
        }

        if (valid.Count != steps.Count)
        {
            return;
        }

        var above = trigger.Operator is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual;
        var (start, end) = above ? (0d, double.PositiveInfinity) : (double.NegativeInfinity, 0d);
        var sorted = valid.OrderBy(s => s.Lower).ToList();
        if (sorted[0].Lower != start)
        {
            errors.Add(new(Format($"{path}[{sorted[0].Index}].lowerBound"), above
                ? Format($"the lowest step starts at {Bound(sorted[0].Lower)}, but steps measure how far the metric is above the threshold {trigger.Threshold}; start the lowest step at 0.")
                : Format($"the lowest step starts at {Bound(sorted[0].Lower)}; below the threshold every breach must be covered, so leave the lowest step's lower bound out (unbounded).")));
        }

        for (var k = 1; k < sorted.Count; k++)
        {
            var (previous, next) = (sorted[k - 1], sorted[k]);
            if (previous.Upper < next.Lower)
            {
                errors.Add(new(Format($"{path}[{next.Index}].lowerBound"), Format(
                    $"there is a gap from {Bound(previous.Upper)} to {Bound(next.Lower)} between step {previous.Index} and step {next.Index}; start this step at {Bound(previous.Upper)}, where the previous one ends.")));
            }
            else if (previous.Upper > next.Lower)
            {
                errors.Add(new(Format($"{path}[{next.Index}].lowerBound"), Format(
                    $"step {next.Index} overlaps step {previous.Index} from {Bound(next.Lower)} to {Bound(Math.Min(previous.Upper, next.Upper))}; start this step at {Bound(previous.Upper)}, where the previous one ends.")));
            }
        }

        if (sorted[^1].Upper != end)
        {
            errors.Add(new(Format($"{path}[{sorted[^1].Index}].upperBound"), above
                ? Format($"the highest step ends at {Bound(sorted[^1].Upper)}, so a metric further above the threshold would match no step; leave the highest step's upper bound out (unbounded).")
                : Format($"the highest step ends at {Bound(sorted[^1].Upper)}, but steps below the threshold must end at 0; set its upper bound to 0.")));
        }
    }

    private static void ValidateLadder(ScalingPolicy policy, List<PolicyError> errors)
    {
        if (policy.Ladder is not { } ladder)
        {
            if (policy.IsVertical && policy.Target is { } target && DefaultSkuLadders.For(target.Kind).Count == 0)
            {
                errors.Add(new("$.ladder", $"a vertical policy needs a SKU ladder and {target.Kind} has no default one; list the sizes in order, such as [{{ \"name\": \"Standard_D2s_v3\" }}, {{ \"name\": \"Standard_D4s_v3\" }}]."));
            }

            return;
        }

        if (ladder.Count < 2)
        {
            errors.Add(new("$.ladder", Format($"the ladder has {ladder.Count} {(ladder.Count == 1 ? "rung" : "rungs")}; list at least two SKUs, smallest first, or leave the ladder out to use the target kind's default.")));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        decimal? previousPrice = null;
        for (var i = 0; i < ladder.Count; i++)
        {
            var at = Format($"$.ladder[{i}]");
            if (ladder[i] is not { } rung)
            {
                errors.Add(new(at, "a rung is required here: an object with \"name\" and optionally \"hourlyPrice\"."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(rung.Name))
            {
                errors.Add(new(at + ".name", "name is required; use the SKU as Azure names it, such as \"Standard_D4s_v3\" or \"Standard_C2\"."));
            }
            else if (!names.Add(rung.Name))
            {
                errors.Add(new(at + ".name", $"SKU '{rung.Name}' is already on the ladder; list every SKU once, smallest first."));
            }

            if (rung.HourlyPrice is { } price)
            {
                if (price < 0)
                {
                    errors.Add(new(at + ".hourlyPrice", Format($"hourly price {price} is negative; use 0 or more, or leave it out when unknown.")));
                }
                else if (previousPrice is { } before && price < before)
                {
                    errors.Add(new(at + ".hourlyPrice", Format($"hourly price {price} is below the previous rung's {before}; order the ladder from the smallest (cheapest) SKU to the largest.")));
                }

                previousPrice = price;
            }
        }
    }

    private static void ValidateTracking(ScalingPolicy policy, List<PolicyError> errors)
    {
        if (policy.TargetTracking is not { } tracking)
        {
            return;
        }

        if (policy.IsVertical && tracking.Count > 0)
        {
            errors.Add(new("$.targetTracking", "target tracking computes an instance count, so it cannot be combined with SkuStep rules; put it in a separate policy."));
        }

        var names = new HashSet<string>((policy.Rules ?? []).Where(r => r?.Name is not null).Select(r => r.Name), StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < tracking.Count; i++)
        {
            var at = Format($"$.targetTracking[{i}]");
            if (tracking[i] is not { } rule)
            {
                errors.Add(new(at, "a target tracking is required here: an object with \"name\", the metric fields and \"targetValue\"."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add(new(at + ".name", "name is required; give every target tracking a name, such as \"cpu-70\"."));
            }
            else if (!names.Add(rule.Name))
            {
                errors.Add(new(at + ".name", $"name '{rule.Name}' is used by an earlier rule or target tracking; give each its own name."));
            }

            ValidateMetric(rule.AsTrigger(), at, errors);

            if (!double.IsFinite(rule.TargetValue) || rule.TargetValue <= 0)
            {
                errors.Add(new(at + ".targetValue", Format($"target value {rule.TargetValue} cannot be tracked; use a positive number, such as 70 for 70% CPU.")));
            }

            if (!double.IsFinite(rule.Tolerance) || rule.Tolerance < 0 || rule.Tolerance >= 1)
            {
                errors.Add(new(at + ".tolerance", Format($"tolerance {rule.Tolerance} is out of range; use a fraction from 0 to below 1, such as 0.1 (the Kubernetes default: no change within 10% of the target).")));
            }

            foreach (var (name, cooldown) in new[] { ("scaleOutCooldown", rule.ScaleOutCooldown), ("scaleInCooldown", rule.ScaleInCooldown) })
            {
                if (cooldown is { } value && (value < TimeSpan.Zero || value > MaximumCooldown))
                {
                    errors.Add(new(at + "." + name, $"cooldown {Iso(value)} is out of range; use a duration from PT0S to {Iso(MaximumCooldown)} (one week), such as \"PT5M\"."));
                }
            }
        }
    }

    private static string Bound(double? value) => value switch
    {
        null or double.NegativeInfinity => "-∞ (no lower bound)",
        double.PositiveInfinity => "∞ (no upper bound)",
        { } v => v.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
